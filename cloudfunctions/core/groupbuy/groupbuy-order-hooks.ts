import type { OrderHookContext, OrderTypeHooks, PaidTxContext } from '../orders'
import { txGet, txWrite } from '../kernel/transaction'
import { GROUPBUY_COLLECTIONS, type EntryDoc } from './groupbuy.model'
import type { OrderDoc, RefundDoc } from '../orders'
import { loadCampaign, loadEntry, moveStage } from './groupbuy.store'
import { releaseForOrder, reserveForOrder } from './reservation.service'
import { settleEntry } from './settle-entry'

/**
 * onPaid, INSIDE the money transaction: the entry joins the campaign (unpaid → paid) together with the
 * payment. Whether the campaign's outcome is already decided is the `groupbuy.paid-after-close` effect's
 * question, asked after commit so it cannot miss a closing job that ran meanwhile.
 */
async function onPaid(ctx: PaidTxContext, order: OrderDoc): Promise<void> {
  const entry = await txGet<EntryDoc>(ctx.tx, GROUPBUY_COLLECTIONS.entries, order._id)
  if (!entry) {
    ctx.platform.logger.error('groupbuy.paid_without_entry', { orderId: order._id })
    return
  }
  ctx.notes.groupbuyCampaignId = entry.campaignId
  if (entry.stage !== 'unpaid') return
  const now = ctx.now()
  await txWrite(ctx.tx.collection(GROUPBUY_COLLECTIONS.entries).doc(order._id).update({ stage: 'paid', paidAt: order.payment?.paidAt ?? now, updatedAt: now }))
}

/**
 * After commit (outbox effect on order.paid): an order placed before the deadline and paid after the
 * closing job decided gets the outcome at once (pickup code, or its refund). Idempotent: settleEntry's
 * stage move is conditional and its refund key fixed.
 */
export async function settleIfDecided(ctx: OrderHookContext, order: OrderDoc, campaignId: string | undefined): Promise<void> {
  if (order.type !== 'groupbuy' || !campaignId) return
  const db = ctx.platform.db
  const campaign = await loadCampaign(db, campaignId)
  if (!campaign?.outcome) return
  const entry = await loadEntry(db, order._id)
  if (entry?.stage === 'paid') await settleEntry(ctx, campaign, entry)
}

/** A full refund gives the units back and ends the entry; a partial one changes nothing here. */
async function onRefunded(ctx: OrderHookContext, order: OrderDoc, _refund: RefundDoc): Promise<void> {
  if (order.refundedFen < order.paidFen) return
  await releaseForOrder(ctx, order)
  await moveStage(ctx.platform.db, order._id, ['paid', 'awaiting_pickup', 'picked_up', 'refund_pending'], 'refunded', ctx.now())
}

export const groupbuyOrderHooks: OrderTypeHooks = {
  reserve: reserveForOrder,
  release: releaseForOrder,
  onPaid,
  onRefunded,
  // Before the deadline a resident cancels an unpaid order; paid group-buy money goes back through ops or the closing job.
  userRefundable: () => false,
}
