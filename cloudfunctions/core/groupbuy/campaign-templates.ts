import type { CampaignTemplate } from '../../contracts/groupbuy-manage.schemas'

/**
 * Starting points for a new campaign in the mini-program: the three kinds the business runs most (fresh
 * fruit, rice and oil, a household service). The steward changes whatever differs; nothing here is binding.
 */
export const CAMPAIGN_TEMPLATES: CampaignTemplate[] = [
  {
    key: 'fruit',
    label: '鲜果团',
    title: '当季鲜果团',
    description: '产地直采，现摘现发，坏果包赔。成团后统一到货，凭提货码自提。',
    minParticipants: 10,
    pickupPoint: '物业服务中心（1栋旁）',
    skus: [
      { title: '5斤装', priceFen: 3990, originalPriceFen: 5990, stock: 200, limitPerHousehold: 3, spec: '5斤装', origin: '' },
      { title: '10斤装', priceFen: 6990, originalPriceFen: 9990, stock: 100, limitPerHousehold: 2, spec: '10斤装', origin: '' },
    ],
  },
  {
    key: 'grain-oil',
    label: '米面粮油',
    title: '米面粮油团',
    description: '品牌正品，整箱配送到小区，重物不用自己扛。',
    minParticipants: 15,
    pickupPoint: '物业服务中心（1栋旁）',
    skus: [
      { title: '东北大米 10斤', priceFen: 4990, originalPriceFen: 6590, stock: 150, limitPerHousehold: 2, spec: '10斤/袋', origin: '黑龙江五常' },
      { title: '花生油 5L', priceFen: 8990, originalPriceFen: 11990, stock: 100, limitPerHousehold: 2, spec: '5L/桶', origin: '山东' },
    ],
  },
  {
    key: 'cleaning',
    label: '家政服务',
    title: '家电清洗服务团',
    description: '持证师傅上门，拆洗消毒，成团后按登记时间预约上门。',
    minParticipants: 8,
    pickupPoint: '上门服务（成团后预约）',
    skus: [{ title: '空调清洗 挂机', priceFen: 6900, originalPriceFen: 12000, stock: 60, limitPerHousehold: 3, spec: '1台', origin: '' }],
  },
]
