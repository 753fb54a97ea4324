import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { must } from '../../../../core/kernel/db-result'
import type { DemoSeeder, SeedContext } from '../seed-context'
import { DEMO_COMMUNITY_ID } from '../personas'
import { drawProduct } from '../groupbuy-product-art'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type SkuDoc } from '../../../../core/groupbuy/groupbuy.model'
import type { PollDoc } from '../../../../core/groupbuy/poll.model'

dayjs.extend(utc)
dayjs.extend(timezone)

type DemoSku = Pick<SkuDoc, 'title' | 'priceFen' | 'stock' | 'limitPerHousehold' | 'spec' | 'origin' | 'detail'> & { originalPriceFen: number; art: string }
interface DemoCampaign {
  id: string
  title: string
  description: string
  minParticipants: number
  point: string
  skus: DemoSku[]
}

const CAMPAIGNS: DemoCampaign[] = [
  {
    id: 'gb-demo-oranges',
    title: '冬季鲜果团：赣南脐橙 / 砂糖橘',
    description: '江西赣州果园直采，现摘现发，坏果包赔。满 10 户成团，成团后统一到货，凭提货码到物业服务中心自提。',
    minParticipants: 10,
    point: '物业服务中心（1栋旁）',
    skus: [
      { title: '赣南脐橙 5斤装', priceFen: 3990, originalPriceFen: 5980, stock: 200, limitPerHousehold: 3, spec: '5斤装 · 果径 75–80mm', origin: '江西赣州', detail: '皮薄多汁，酸甜适中，树上自然熟，采摘后 48 小时内发出。', art: 'navel' },
      { title: '赣南脐橙 10斤装', priceFen: 6990, originalPriceFen: 9990, stock: 100, limitPerHousehold: 2, spec: '10斤装 · 果径 80–85mm', origin: '江西赣州', detail: '大果整箱，适合家里人多或分给邻居。', art: 'navel_big' },
      { title: '广西砂糖橘 3斤装', priceFen: 2590, originalPriceFen: 3580, stock: 150, limitPerHousehold: 3, spec: '3斤装 · 小果', origin: '广西桂林', detail: '一口一个，无籽化渣，小朋友最爱。', art: 'mandarin' },
    ],
  },
  {
    id: 'gb-demo-grain',
    title: '米面粮油团：五常大米 / 花生油',
    description: '品牌正品整箱配送到小区，重物不用自己扛。满 15 户成团，到货后在物业服务中心自提，可请管家代送到楼下。',
    minParticipants: 15,
    point: '物业服务中心（1栋旁）',
    skus: [
      { title: '五常大米 10斤', priceFen: 4990, originalPriceFen: 6590, stock: 150, limitPerHousehold: 2, spec: '10斤/袋 · 一级', origin: '黑龙江五常', detail: '当季新米，真空包装，米香浓郁。', art: 'rice' },
      { title: '压榨花生油 5L', priceFen: 8990, originalPriceFen: 11990, stock: 100, limitPerHousehold: 2, spec: '5L/桶 · 一级压榨', origin: '山东临沂', detail: '物理压榨，无添加，生产日期 2026 年 11 月。', art: 'oil' },
    ],
  },
  {
    id: 'gb-demo-cleaning',
    title: '家电清洗服务团：空调深度清洗',
    description: '持证师傅上门拆洗消毒，自带防护罩不弄脏家里。满 8 户成团，成团后管家按登记时间统一预约上门。',
    minParticipants: 8,
    point: '上门服务（成团后预约）',
    skus: [
      { title: '空调清洗 · 挂机', priceFen: 6900, originalPriceFen: 12000, stock: 60, limitPerHousehold: 3, spec: '1台 · 约 60 分钟', origin: '本地持证师傅', detail: '拆洗滤网、蒸发器高温蒸汽消毒、接水槽清理。', art: 'aircon' },
      { title: '空调清洗 · 柜机', priceFen: 9900, originalPriceFen: 16000, stock: 30, limitPerHousehold: 2, spec: '1台 · 约 90 分钟', origin: '本地持证师傅', detail: '含风轮拆洗，师傅上门前一天电话确认时间。', art: 'aircon' },
    ],
  },
]

/** Uploads a drawn picture once per start (same path, same bytes); without storage there are no pictures. */
async function picture(ctx: SeedContext, art: string): Promise<string | null> {
  if (!ctx.storage) return null
  return (await ctx.storage.put(`groupbuy/demo/${art}.png`, drawProduct(art), 'image/png')).fileId
}

/**
 * Live group buys in 阳光花园 (fruit, rice and oil, an appliance-cleaning service) with pictures drawn
 * locally, and one open 严选 demand poll. Deadlines fall at 20:00 Beijing time three days after the seed;
 * pickup is the next day 09:00–19:00, whatever zone the machine runs in. Written with set(), so a
 * half-seeded database is simply completed.
 */
export const groupbuyDemoSeeder: DemoSeeder = {
  name: 'groupbuy',
  seed: async (ctx) => {
    const { db, now } = ctx
    const day = dayjs(now).tz('Asia/Shanghai').startOf('day')
    const deadline = day.add(3, 'day').hour(20).toDate()
    const pickup = { startsAt: day.add(4, 'day').hour(9).toDate(), endsAt: day.add(4, 'day').hour(19).toDate() }
    const art = new Map<string, string | null>()
    for (const name of new Set(CAMPAIGNS.flatMap((c) => c.skus.map((s) => s.art)))) art.set(name, await picture(ctx, name))

    for (const c of CAMPAIGNS) {
      for (const [i, { art: name, ...s }] of c.skus.entries()) {
        const sku: Omit<SkuDoc, '_id'> = { ...s, campaignId: c.id, communityId: DEMO_COMMUNITY_ID, remaining: s.stock, sort: i, holders: [], image: art.get(name) ?? null }
        must(await db.collection(GROUPBUY_COLLECTIONS.skus).doc(`${c.id}_s${i + 1}`).set(sku))
      }
      const campaign: Omit<CampaignDoc, '_id'> = {
        communityId: DEMO_COMMUNITY_ID,
        title: c.title,
        description: c.description,
        images: [...new Set(c.skus.map((s) => art.get(s.art)).filter((x): x is string => !!x))],
        mode: 'stock',
        minParticipants: c.minParticipants,
        deadline,
        pickup: { point: c.point, ...pickup },
        status: 'open',
        outcome: null,
        participantsAtClose: null,
        decidedAt: null,
        closedAt: null,
        priceFromFen: Math.min(...c.skus.map((s) => s.priceFen)),
        createdBy: 'demo-ops',
        createdAt: now,
        updatedAt: now,
      }
      must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).doc(c.id).set(campaign))
    }

    const poll: Omit<PollDoc, '_id'> = {
      communityId: DEMO_COMMUNITY_ID,
      title: '四川爱媛果冻橙 严选预售',
      description: '果冻般的口感，产地 12 月中旬开采。登记不付款，满 20 户即向果园下单，届时通知登记的邻居付款。',
      spec: '5斤装 · 果径 70mm+',
      image: art.get('navel') ?? null,
      targetPriceFen: 4590,
      originalPriceFen: 6990,
      targetHouseholds: 20,
      limitPerHousehold: 3,
      deadline: day.add(5, 'day').hour(20).toDate(),
      payWindowHours: 24,
      pickup: { point: '物业服务中心（1栋旁）', startsAt: day.add(9, 'day').hour(9).toDate(), endsAt: day.add(9, 'day').hour(19).toDate() },
      status: 'open',
      campaignId: null,
      payBy: null,
      decidedAt: null,
      createdBy: 'demo-steward',
      createdAt: now,
    }
    must(await db.collection(GROUPBUY_COLLECTIONS.polls).doc('gpoll-demo-oranges').set(poll))
  },
}
