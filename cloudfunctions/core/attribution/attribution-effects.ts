import { ORDER_TOPICS, orderEffect, refundEffect } from '../orders'
import { attributeOrder } from './attribute-order'
import { accrueCommission, reverseForRefund } from './commission.service'

/**
 * Steward attribution follows every order through the outbox (declared in core/attribution/index.ts):
 * paid → decide the steward and count the sale; fulfilled → accrue commission; refund settled → count it
 * and claw back. Each is idempotent per order (per refund), as the outbox may run it again after a crash.
 * The accrual sweep (accrual-sweep.ts) stays as a safety net for orders fulfilled before the
 * `order.fulfilled` topic existed.
 */
export const attributionPaidEffect = orderEffect(ORDER_TOPICS.paid, async (ctx, order) => {
  if (order.payment) await attributeOrder(ctx, order)
})

export const attributionFulfilledEffect = orderEffect(ORDER_TOPICS.fulfilled, async (ctx, order) => {
  await accrueCommission(ctx, order._id)
})

export const attributionRefundedEffect = refundEffect(async (ctx, order, refund) => {
  await reverseForRefund(ctx, order, refund)
})
