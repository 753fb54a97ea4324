import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { GROUPBUY_COLLECTIONS, PARTICIPATING_STAGES } from './groupbuy.model'

/**
 * Households with a paid order, per campaign, counted by the database (distinct households, so two orders
 * of one household count once). Derived on read rather than kept as a counter: nothing can drift.
 */
export async function countParticipants(db: Db, campaignIds: string[]): Promise<Map<string, number>> {
  const out = new Map(campaignIds.map((id) => [id, 0]))
  if (campaignIds.length === 0) return out
  const _ = db.command
  const $ = _.aggregate
  const res = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.entries)
      .aggregate()
      .match({ campaignId: campaignIds.length === 1 ? campaignIds[0] : _.in(campaignIds), stage: _.in([...PARTICIPATING_STAGES]) })
      .group({ _id: { campaignId: '$campaignId', householdId: '$householdId' } })
      .group({ _id: '$_id.campaignId', households: $.sum(1) })
      .limit(campaignIds.length)
      .end(),
  ) as { data: { _id: string; households: number }[] }
  for (const row of res.data) out.set(row._id, row.households)
  return out
}
