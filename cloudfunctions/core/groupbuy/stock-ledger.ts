import type { Db } from '@cloudbase/database'
import { createHash } from 'node:crypto'
import { must } from '../kernel/db-result'
import { addIfAbsent } from './groupbuy.store'
import { forgetSkuStock } from './sold-out-memo'
import { GROUPBUY_COLLECTIONS, type EntryDoc, type EntryLine, type QuotaDoc, type SkuDoc } from './groupbuy.model'

/**
 * The two counters an order holds: units of a SKU's stock, and units of the household's per-SKU quota.
 * Each take and each give-back is ONE conditional update that changes the count and the order's marker in
 * `holders` together, so under any concurrency and any number of retries:
 * - stock never goes below 0 and the household never above its limit (the condition is in the update);
 * - an order takes at most once (condition: not yet a holder) and gives back at most once (condition: a holder).
 */

export function quotaIdFor(skuId: string, householdId: string): string {
  return `q_${createHash('sha256').update(`${skuId}\u0001${householdId}`).digest('hex').slice(0, 30)}`
}

/**
 * `resumed`: this order may have taken already (a retried reserve). Only then is a refused update worth a
 * re-read to tell "already mine" from "not enough"; a first attempt skips that read (the flash-sale path).
 */
export async function takeQuota(db: Db, entry: EntryDoc, line: EntryLine, limit: number, resumed: boolean): Promise<boolean> {
  if (line.quantity > limit) return false
  const id = quotaIdFor(line.skuId, entry.householdId)
  const quotas = db.collection(GROUPBUY_COLLECTIONS.quotas)
  // The household's first order of this SKU creates its counter already holding the units.
  const first: QuotaDoc = { _id: id, skuId: line.skuId, campaignId: entry.campaignId, householdId: entry.householdId, held: line.quantity, holders: [entry._id] }
  if (await addIfAbsent(db, GROUPBUY_COLLECTIONS.quotas, { ...first })) return true
  const _ = db.command
  const res = must(
    await quotas
      .where({ _id: id, held: _.lte(limit - line.quantity), holders: _.neq(entry._id) })
      .update({ held: _.inc(line.quantity), holders: _.push([entry._id]) }),
  )
  if (res.updated === 1) return true
  return resumed && isHolder(db, GROUPBUY_COLLECTIONS.quotas, id, entry._id)
}

export async function takeStock(db: Db, orderId: string, line: EntryLine, resumed: boolean): Promise<boolean> {
  const _ = db.command
  const res = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.skus)
      .where({ _id: line.skuId, remaining: _.gte(line.quantity), holders: _.neq(orderId) })
      .update({ remaining: _.inc(-line.quantity), holders: _.push([orderId]) }),
  )
  if (res.updated === 1) return true
  return resumed && isHolder(db, GROUPBUY_COLLECTIONS.skus, line.skuId, orderId)
}

export async function giveBackStock(db: Db, orderId: string, line: EntryLine): Promise<boolean> {
  const _ = db.command
  const res = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.skus)
      .where({ _id: line.skuId, holders: orderId })
      .update({ remaining: _.inc(line.quantity), holders: _.pull(orderId) }),
  )
  if (res.updated === 1) forgetSkuStock(db, line.skuId)
  return res.updated === 1
}

export async function giveBackQuota(db: Db, entry: Pick<EntryDoc, '_id' | 'householdId'>, line: EntryLine): Promise<boolean> {
  const _ = db.command
  const res = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.quotas)
      .where({ _id: quotaIdFor(line.skuId, entry.householdId), holders: entry._id })
      .update({ held: _.inc(-line.quantity), holders: _.pull(entry._id) }),
  )
  return res.updated === 1
}

async function isHolder(db: Db, collection: string, id: string, orderId: string): Promise<boolean> {
  const doc = (must(await db.collection(collection).doc(id).get()).data as (SkuDoc | QuotaDoc)[])[0]
  return !!doc && doc.holders.includes(orderId)
}
