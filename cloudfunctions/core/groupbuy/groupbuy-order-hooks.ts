import type { OrderHookContext, OrderTypeHooks } from '../orders'
import type { OrderDoc, RefundDoc } from '../orders'
import { loadCampaign, loadEntry, moveStage } from './groupbuy.store'
import { releaseForOrder, reserveForOrder } from './reservation.service'
import { settleEntry } from './settle-entry'
import { describeGroupbuyOrders } from './order-details'

/** A payment landed: the entry joins the campaign; if the outcome is already decided, apply it at once. */
async function onPaid(ctx: OrderHookContext, order: OrderDoc): Promise<void> {
  const db = ctx.platform.db
  await moveStage(db, order._id, ['unpaid'], 'paid', ctx.now(), { paidAt: order.payment?.paidAt ?? ctx.now() })
  const entry = await loadEntry(db, order._id)
  if (!entry) {
    ctx.platform.logger.error('groupbuy.paid_without_entry', { orderId: order._id })
    return
  }
  // Paid after the closing job decided (an order placed before the deadline, paid within its 15 minutes).
  const campaign = await loadCampaign(db, entry.campaignId)
  if (campaign?.outcome && entry.stage === 'paid') await settleEntry(ctx, campaign, entry)
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
  describe: describeGroupbuyOrders,
}
