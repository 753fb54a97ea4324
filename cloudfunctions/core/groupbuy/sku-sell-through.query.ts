import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { GROUPBUY_COLLECTIONS, type CampaignDoc } from './groupbuy.model'
import { skusOfCampaigns } from './groupbuy.store'

export interface SkuSellThrough {
  skuId: string
  campaignId: string
  campaignTitle: string
  title: string
  stock: number
  /** Units held or sold (stock − remaining). */
  taken: number
  onSaleSince: Date
  deadline: Date
  status: CampaignDoc['status']
}

/**
 * Stock and units taken per SKU of the community's open campaigns (and the 50 latest others), for the
 * profiles area's slow-mover detection (滞销: little of the stock taken after days on sale).
 */
export async function skuSellThrough(db: Db, communityId: string): Promise<SkuSellThrough[]> {
  const campaigns = must(
    await db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ communityId }).orderBy('deadline', 'desc').field({ title: true, createdAt: true, deadline: true, status: true }).limit(50).get(),
  ).data as Pick<CampaignDoc, '_id' | 'title' | 'createdAt' | 'deadline' | 'status'>[]
  const byId = new Map(campaigns.map((c) => [c._id, c]))
  const skus = await skusOfCampaigns(db, campaigns.map((c) => c._id))
  return skus.map((s) => {
    const c = byId.get(s.campaignId)!
    return {
      skuId: s._id,
      campaignId: s.campaignId,
      campaignTitle: c.title,
      title: s.title,
      stock: s.stock,
      taken: Math.max(0, s.stock - s.remaining),
      onSaleSince: new Date(c.createdAt),
      deadline: new Date(c.deadline),
      status: c.status,
    }
  })
}
