import type { Db } from '@cloudbase/database'
import { isDuplicateKey, must } from '../kernel/db-result'
import { groupbuyError } from './groupbuy-errors'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type EntryDoc, type EntryStage, type SkuDoc } from './groupbuy.model'

/** Small read/write helpers shared by the group-buy services (one collection call each). */

export async function loadCampaign(db: Db, campaignId: string): Promise<CampaignDoc | undefined> {
  return (must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).doc(campaignId).get()).data as CampaignDoc[])[0]
}

/** Drafts are invisible to residents: for them a draft campaign does not exist. */
export async function requirePublishedCampaign(db: Db, campaignId: string): Promise<CampaignDoc> {
  const campaign = await loadCampaign(db, campaignId)
  if (!campaign || campaign.status === 'draft') throw groupbuyError('GROUPBUY.CAMPAIGN_NOT_FOUND')
  return campaign
}

export async function skusOfCampaign(db: Db, campaignId: string): Promise<SkuDoc[]> {
  const rows = must(await db.collection(GROUPBUY_COLLECTIONS.skus).where({ campaignId }).field({ holders: false }).limit(100).get()).data as SkuDoc[]
  return rows.sort((a, b) => a.sort - b.sort)
}

export async function skusOfCampaigns(db: Db, campaignIds: string[]): Promise<SkuDoc[]> {
  if (campaignIds.length === 0) return []
  const _ = db.command
  return must(await db.collection(GROUPBUY_COLLECTIONS.skus).where({ campaignId: _.in(campaignIds) }).field({ holders: false }).limit(1000).get()).data as SkuDoc[]
}

export async function loadEntry(db: Db, orderId: string): Promise<EntryDoc | undefined> {
  return (must(await db.collection(GROUPBUY_COLLECTIONS.entries).doc(orderId).get()).data as EntryDoc[])[0]
}

/** Inserts a document; false when one with that _id already exists. */
export async function addIfAbsent(db: Db, collection: string, doc: { _id: string } & Record<string, unknown>): Promise<boolean> {
  try {
    must(await db.collection(collection).add(doc))
    return true
  } catch (e) {
    if (isDuplicateKey(e)) return false
    throw e
  }
}

/**
 * Moves an entry from one of `from` to `to` in one conditional update; false when it was not in `from`
 * (someone else moved it first). Every stage change goes through here, so none can happen twice.
 */
export async function moveStage(db: Db, orderId: string, from: readonly EntryStage[], to: EntryStage, now: Date, set: Record<string, unknown> = {}): Promise<boolean> {
  const _ = db.command
  const res = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.entries)
      .where({ _id: orderId, stage: from.length === 1 ? from[0] : _.in([...from]) })
      .update({ ...set, stage: to, updatedAt: now }),
  )
  return res.updated === 1
}
