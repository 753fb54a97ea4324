import { randomBytes } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import type { OrderHookContext } from '../orders'
import type { OrderDoc } from '../orders'
import { assertOrderable } from './campaign.rules'
import { groupbuyError } from './groupbuy-errors'
import { addIfAbsent, loadCampaign, loadEntry, moveStage } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, SKU_REF_TYPE, type EntryDoc, type SkuDoc } from './groupbuy.model'
import { giveBackQuota, giveBackStock, takeQuota, takeStock } from './stock-ledger'
import { takeCheckoutReads } from './checkout-reads'

/**
 * The reserve hook: runs right after the orders core wrote the order as a draft. Writes the group-buy entry,
 * takes the household's quota, then the stock (quota first, so an over-limit attempt never holds stock a
 * neighbour could have bought). The core deletes the draft after a refusal (a DomainError), so before
 * refusing this gives back whatever the order holds and removes the entry: a refused attempt leaves
 * nothing behind. Safe to call again for the same order (a retry after a crash resumes).
 */
export async function reserveForOrder(ctx: OrderHookContext, order: OrderDoc): Promise<void> {
  const seen: { entry?: EntryDoc } = {}
  try {
    await takeAll(ctx, order, seen)
  } catch (e) {
    if (e instanceof DomainError) await undoReservation(ctx.platform.db, order._id, seen.entry)
    throw e
  }
}

async function takeAll(ctx: OrderHookContext, order: OrderDoc, seen: { entry?: EntryDoc }): Promise<void> {
  const db = ctx.platform.db
  const now = ctx.now()
  const handedOver = takeCheckoutReads(ctx, order.lines.map((l) => l.refId))
  const skus = handedOver?.skus ?? (await skusOfOrder(db, order))
  const campaign = handedOver?.campaign ?? (await loadCampaign(db, skus[0].campaignId))
  assertOrderable(campaign, order.communityId, now)
  const fresh = newEntry(order, campaign._id, now)
  // Insert first: on the usual first attempt that is the only entry call; a duplicate means we are resuming.
  const resumed = !(await addIfAbsent(db, GROUPBUY_COLLECTIONS.entries, { ...fresh }))
  const entry = resumed ? await loadEntry(db, order._id) : fresh
  if (!entry) throw new Error(`groupbuy entry ${order._id} vanished while reserving`)
  seen.entry = entry
  if (entry.hold === 'held') return
  // Released means the order was cancelled; the core never reserves a cancelled order. Not a refusal (that
  // would make us remove the entry), just an impossible state worth an error in the log.
  if (entry.hold === 'released') throw new Error(`groupbuy entry ${order._id} is already released`)

  const limitOf = new Map(skus.map((s) => [s._id, s.limitPerHousehold]))
  for (const line of entry.lines) {
    const limit = limitOf.get(line.skuId) ?? 0
    if (!(await takeQuota(db, entry, line, limit, resumed))) {
      throw groupbuyError('GROUPBUY.LIMIT_EXCEEDED', `「${line.title}」每户限购 ${limit} 份，您家已买过或本单超出`)
    }
  }
  for (const line of entry.lines) {
    if (!(await takeStock(db, entry._id, line, resumed))) throw groupbuyError('GROUPBUY.SOLD_OUT', `「${line.title}」库存不足`)
  }
  must(await db.collection(GROUPBUY_COLLECTIONS.entries).where({ _id: entry._id, hold: 'pending' }).update({ hold: 'held', updatedAt: now }))
}

/**
 * Gives back what the order holds (stock and quota), exactly once however often it runs. Called by the
 * orders core when an unpaid order is cancelled or expires, and by onRefunded after a full refund.
 */
export async function releaseForOrder(ctx: OrderHookContext, order: Pick<OrderDoc, '_id'>): Promise<void> {
  const db = ctx.platform.db
  const entry = await loadEntry(db, order._id)
  if (!entry) return
  await giveBackAll(db, entry)
  const now = ctx.now()
  if (entry.hold !== 'released') must(await db.collection(GROUPBUY_COLLECTIONS.entries).doc(entry._id).update({ hold: 'released', updatedAt: now }))
  if (entry.stage === 'unpaid') await moveStage(db, entry._id, ['unpaid'], 'cancelled', now)
}

async function giveBackAll(db: Db, entry: EntryDoc): Promise<void> {
  for (const line of entry.lines) {
    await giveBackStock(db, entry._id, line)
    await giveBackQuota(db, entry, line)
  }
}

async function undoReservation(db: Db, orderId: string, known?: EntryDoc): Promise<void> {
  const entry = known ?? (await loadEntry(db, orderId))
  if (!entry) return
  await giveBackAll(db, entry)
  must(await db.collection(GROUPBUY_COLLECTIONS.entries).doc(orderId).remove())
}

async function skusOfOrder(db: Db, order: OrderDoc): Promise<SkuDoc[]> {
  const ids = order.lines.map((l) => l.refId)
  const _ = db.command
  const skus = must(await db.collection(GROUPBUY_COLLECTIONS.skus).where({ _id: _.in(ids) }).field({ holders: false }).limit(100).get()).data as SkuDoc[]
  const oneCampaign = new Set(skus.map((s) => s.campaignId)).size === 1
  if (order.lines.some((l) => l.refType !== SKU_REF_TYPE) || skus.length !== new Set(ids).size || !oneCampaign) throw groupbuyError('GROUPBUY.SKU_NOT_FOUND')
  return skus
}

function newEntry(order: OrderDoc, campaignId: string, now: Date): EntryDoc {
  return {
    _id: order._id,
    campaignId,
    communityId: order.communityId,
    householdId: order.householdId,
    payerOpenid: order.payerOpenid,
    lines: order.lines.map((l) => ({ skuId: l.refId, title: l.title, quantity: l.quantity, unitPriceFen: l.unitPriceFen })),
    amountFen: order.amountFen,
    hold: 'pending',
    stage: 'unpaid',
    salt: randomBytes(12).toString('hex'),
    pickupCode: null,
    paidAt: null,
    pickedUpAt: null,
    pickedUpBy: null,
    createdAt: now,
    updatedAt: now,
  }
}
