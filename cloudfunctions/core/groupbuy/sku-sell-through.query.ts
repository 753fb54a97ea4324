import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { GROUPBUY_COLLECTIONS, PARTICIPATING_STAGES, type CampaignDoc, type EntryDoc } from './groupbuy.model'
import { skusOfCampaigns } from './groupbuy.store'

export interface SkuSellThrough {
  skuId: string
  campaignId: string
  campaignTitle: string
  title: string
  stock: number
  /**
   * Units sold: the lines of paid entries (paid, awaiting pickup, picked up). Units held by unpaid orders
   * are not sold, and a fully refunded entry (stage refunded / refund pending) gave its units back.
   */
  sold: number
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
  const sold = await soldUnits(db, campaigns.map((c) => c._id))
  return skus.map((s) => {
    const c = byId.get(s.campaignId)!
    return {
      skuId: s._id,
      campaignId: s.campaignId,
      campaignTitle: c.title,
      title: s.title,
      stock: s.stock,
      sold: sold.get(s._id) ?? 0,
      onSaleSince: new Date(c.createdAt),
      deadline: new Date(c.deadline),
      status: c.status,
    }
  })
}

/** Paid units per SKU over the campaigns' paid entries, paged by _id (1000 entries per read). */
async function soldUnits(db: Db, campaignIds: string[]): Promise<Map<string, number>> {
  const _ = db.command
  const out = new Map<string, number>()
  if (campaignIds.length === 0) return out
  let after = ''
  for (;;) {
    const page = must(
      await db
        .collection(GROUPBUY_COLLECTIONS.entries)
        .where({ campaignId: _.in(campaignIds), stage: _.in([...PARTICIPATING_STAGES]), _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field({ lines: true })
        .limit(1000)
        .get(),
    ).data as Pick<EntryDoc, '_id' | 'lines'>[]
    for (const e of page) for (const l of e.lines) out.set(l.skuId, (out.get(l.skuId) ?? 0) + l.quantity)
    if (page.length < 1000) return out
    after = page[page.length - 1]._id
  }
}
