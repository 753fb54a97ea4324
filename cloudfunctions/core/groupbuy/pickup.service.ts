import { randomBytes } from 'node:crypto'
import type { PickupPreview } from '../../contracts/groupbuy.contract'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import type { CallerAccess } from '../auth'
import type { OrderHookContext } from '../orders'
import { groupbuyError } from './groupbuy-errors'
import { loadCampaign, loadEntry } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, type EntryDoc, type RedemptionDoc } from './groupbuy.model'
import { shanghaiTime } from './groupbuy-notify'
import { entryOfCode, pickLines, pickupCommunities, previewOf, UNDO_WINDOW_MS } from './pickup-lookup'
import { fulfilIfPaid } from './pickup-fulfilment'

export type RedeemResult = PickupPreview & { redemptionId: string; handedOver: { skuId: string; title: string; quantity: number }[]; pickedUpAt: string }

/** Read only: what the steward confirms against. A code already fully picked up shows as such. */
export async function lookupPickup(ctx: OrderHookContext, access: CallerAccess, code: string): Promise<PickupPreview> {
  const db = ctx.platform.db
  const entry = await entryOfCode(db, access, code)
  if (entry.stage !== 'awaiting_pickup' && entry.stage !== 'picked_up') throw groupbuyError('GROUPBUY.PICKUP_NOT_READY')
  return previewOf(db, entry, access.openid, ctx.now())
}

/**
 * The steward hands over goods: all that is left, or the given units (partial pickup). One transaction
 * changes the entry's picked counts (guarded by its pickVersion) and writes the redemption log row, so two
 * stewards scanning at once hand over one parcel and no handover goes unlogged. `orderId`, when given, is
 * the order the steward was shown: if the code now points elsewhere nothing is handed over. Once everything is
 * handed over the entry is picked_up and its order's fulfilment is due when the undo window ends
 * (pickup-fulfilment.ts): commission accrues on fulfilment, so an undo never has to claw anything back.
 */
export async function redeemPickup(
  ctx: OrderHookContext,
  access: CallerAccess,
  input: { code: string; orderId?: string; items?: { skuId: string; quantity: number }[] },
): Promise<RedeemResult> {
  const db = ctx.platform.db
  const found = await entryOfCode(db, access, input.code)
  if (input.orderId && input.orderId !== found._id) throw groupbuyError('GROUPBUY.PICKUP_CHANGED')
  if (found.stage === 'picked_up') await refuseAsRedeemed(ctx, found)
  if (found.stage !== 'awaiting_pickup') throw groupbuyError('GROUPBUY.PICKUP_NOT_READY')
  const campaign = await loadCampaign(db, found.campaignId)
  const now = ctx.now()

  const outcome = await runTx(db, async (t) => {
    const entry = await txGet<EntryDoc>(t, GROUPBUY_COLLECTIONS.entries, found._id)
    if (!entry || entry.stage === 'picked_up') return { refused: 'redeemed' as const, entry }
    if (entry.stage !== 'awaiting_pickup') return { refused: 'not_ready' as const, entry }
    const lines = pickLines(entry)
    const wanted = input.items ?? lines.filter((l) => l.left > 0).map((l) => ({ skuId: l.skuId, quantity: l.left }))
    const handedOver = wanted.map((w) => {
      const line = lines.find((l) => l.skuId === w.skuId)
      if (!line) throw groupbuyError('GROUPBUY.SKU_NOT_FOUND', '该订单里没有这件商品')
      if (w.quantity > line.left) throw groupbuyError('GROUPBUY.PICKUP_TOO_MANY', `「${line.title}」只剩 ${line.left} 件待提`)
      return { skuId: w.skuId, title: line.title, quantity: w.quantity }
    })
    const picked = { ...(entry.picked ?? {}) }
    for (const h of handedOver) picked[h.skuId] = (picked[h.skuId] ?? 0) + h.quantity
    const completed = lines.every((l) => (picked[l.skuId] ?? 0) >= l.quantity)
    const version = (entry.pickVersion ?? 0) + 1
    const redemption: RedemptionDoc = {
      _id: `rd_${randomBytes(10).toString('hex')}`,
      orderId: entry._id,
      code: input.code,
      campaignId: entry.campaignId,
      communityId: entry.communityId,
      pickupPoint: campaign?.pickup.point ?? '',
      lines: handedOver,
      version,
      completed,
      by: access.openid,
      at: now,
      undoneAt: null,
      undoneBy: null,
    }
    const set: Partial<EntryDoc> = { picked, pickVersion: version, updatedAt: now }
    if (completed) Object.assign(set, { stage: 'picked_up', pickedUpAt: now, pickedUpBy: access.openid, fulfilState: 'due', fulfilAfter: new Date(now.getTime() + UNDO_WINDOW_MS) })
    await txWrite(t.collection(GROUPBUY_COLLECTIONS.entries).doc(entry._id).update(set))
    await txWrite(t.collection(GROUPBUY_COLLECTIONS.redemptions).add(redemption))
    return { refused: null, entry: { ...entry, ...set } as EntryDoc, redemption, handedOver }
  })
  if (outcome.refused === 'redeemed') await refuseAsRedeemed(ctx, outcome.entry ?? found)
  if (outcome.refused) throw groupbuyError('GROUPBUY.PICKUP_NOT_READY')
  ctx.platform.logger.info('groupbuy.pickup.redeemed', { orderId: found._id, redemptionId: outcome.redemption._id, completed: outcome.redemption.completed })
  const preview = await previewOf(db, outcome.entry, access.openid, now, campaign)
  return { ...preview, redemptionId: outcome.redemption._id, handedOver: outcome.handedOver, pickedUpAt: now.toISOString() }
}

/**
 * Takes back a handover (the steward tapped the wrong line or the wrong parcel): only the latest redemption of
 * the order, only by whoever made it, only within UNDO_WINDOW_MS. Undoing the handover that completed the order
 * puts it back to awaiting pickup: its fulfilment was still `due` (nothing accrued), and the transaction only
 * commits if the fulfilment sweep has not claimed the entry meanwhile. The redemption row stays, marked undone.
 */
export async function undoPickup(ctx: OrderHookContext, access: CallerAccess, redemptionId: string): Promise<PickupPreview> {
  const db = ctx.platform.db
  const worksIn = pickupCommunities(access)
  const now = ctx.now()
  const orderId = await runTx(db, async (t) => {
    const r = await txGet<RedemptionDoc>(t, GROUPBUY_COLLECTIONS.redemptions, redemptionId)
    if (!r || !worksIn.has(r.communityId)) throw groupbuyError('GROUPBUY.ORDER_NOT_FOUND', '没有这条核销记录')
    if (r.by !== access.openid || r.undoneAt) throw groupbuyError('GROUPBUY.UNDO_NOT_ALLOWED')
    if (now.getTime() - new Date(r.at).getTime() > UNDO_WINDOW_MS) throw groupbuyError('GROUPBUY.UNDO_EXPIRED')
    const entry = await txGet<EntryDoc>(t, GROUPBUY_COLLECTIONS.entries, r.orderId)
    // Only the latest handover: undoing an older one would silently undo what came after it.
    if (!entry || entry.pickVersion !== r.version) throw groupbuyError('GROUPBUY.UNDO_NOT_ALLOWED')
    if (r.completed ? entry.stage !== 'picked_up' || entry.fulfilState !== 'due' : entry.stage !== 'awaiting_pickup') {
      // The sweep already claimed the fulfilment (the window ran out while the steward tapped).
      throw groupbuyError(r.completed ? 'GROUPBUY.UNDO_EXPIRED' : 'GROUPBUY.UNDO_NOT_ALLOWED')
    }
    const picked = { ...(entry.picked ?? {}) }
    for (const l of r.lines) picked[l.skuId] = Math.max(0, (picked[l.skuId] ?? 0) - l.quantity)
    const back: Partial<EntryDoc> = r.completed ? { stage: 'awaiting_pickup', pickedUpAt: null, pickedUpBy: null, fulfilState: null, fulfilAfter: null } : {}
    await txWrite(t.collection(GROUPBUY_COLLECTIONS.entries).doc(entry._id).update({ picked, pickVersion: r.version + 1, updatedAt: now, ...back }))
    await txWrite(t.collection(GROUPBUY_COLLECTIONS.redemptions).doc(r._id).update({ undoneAt: now, undoneBy: access.openid }))
    return entry._id
  })
  ctx.platform.logger.info('groupbuy.pickup.undone', { orderId, redemptionId })
  const entry = await loadEntry(db, orderId)
  return previewOf(db, entry!, access.openid, now)
}

/** Entries picked up before fulfilment was deferred carry no fulfilState: finish a move a crash left undone. */
async function refuseAsRedeemed(ctx: OrderHookContext, entry: EntryDoc): Promise<never> {
  if (entry.fulfilState === undefined) await fulfilIfPaid(ctx, entry._id)
  const when = entry.pickedUpAt ? `（${shanghaiTime(new Date(entry.pickedUpAt))} 已提货）` : ''
  throw groupbuyError('GROUPBUY.PICKUP_ALREADY_REDEEMED', `该提货码已核销，不能重复提货${when}`)
}
