import { must } from '../../../../core/kernel/db-result'
import type { DemoSeeder } from '../seed-context'
import { DEMO_COMMUNITY_ID } from '../personas'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type SkuDoc } from '../../../../core/groupbuy/groupbuy.model'

const DAY = 86400_000
const CAMPAIGN_ID = 'gb-demo-oranges'

const SKUS: Pick<SkuDoc, 'title' | 'priceFen' | 'stock' | 'limitPerHousehold'>[] = [
  { title: '赣南脐橙 5斤装', priceFen: 3990, stock: 200, limitPerHousehold: 3 },
  { title: '赣南脐橙 10斤装', priceFen: 6990, stock: 100, limitPerHousehold: 2 },
  { title: '广西砂糖橘 3斤装', priceFen: 2590, stock: 150, limitPerHousehold: 3 },
]

/**
 * A live group buy in 阳光花园: three SKUs, 10 households to form, deadline three days after the seed,
 * pickup at the service centre the day after. No images (the page draws a placeholder). Written with
 * set(), so a half-seeded database is simply completed.
 */
export const groupbuyDemoSeeder: DemoSeeder = {
  name: 'groupbuy',
  seed: async ({ db, now }) => {
    const deadline = new Date(now.getTime() + 3 * DAY)
    for (const [i, s] of SKUS.entries()) {
      const sku: Omit<SkuDoc, '_id'> = { ...s, campaignId: CAMPAIGN_ID, communityId: DEMO_COMMUNITY_ID, remaining: s.stock, sort: i, holders: [] }
      must(await db.collection(GROUPBUY_COLLECTIONS.skus).doc(`${CAMPAIGN_ID}_s${i + 1}`).set(sku))
    }
    const campaign: Omit<CampaignDoc, '_id'> = {
      communityId: DEMO_COMMUNITY_ID,
      title: '冬季鲜果团：赣南脐橙 / 砂糖橘',
      description: '江西赣州果园直采，现摘现发，果径 75mm 以上，坏果包赔。满 10 户成团，成团后统一到货，凭提货码到物业服务中心自提。',
      images: [],
      mode: 'stock',
      minParticipants: 10,
      deadline,
      pickup: { point: '物业服务中心（1栋旁）', startsAt: new Date(deadline.getTime() + DAY), endsAt: new Date(deadline.getTime() + DAY + 10 * 3600_000) },
      status: 'open',
      outcome: null,
      participantsAtClose: null,
      decidedAt: null,
      closedAt: null,
      priceFromFen: Math.min(...SKUS.map((s) => s.priceFen)),
      createdBy: 'demo-ops',
      createdAt: now,
      updatedAt: now,
    }
    must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).doc(CAMPAIGN_ID).set(campaign))
  },
}
