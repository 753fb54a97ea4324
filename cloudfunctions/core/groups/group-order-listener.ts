import { ORDER_TOPICS, orderEffect } from '../orders'
import { creditPaidOrder } from './membership.service'

/**
 * A paid order counts towards the activity score of the payer's community groups (DOMAIN: "activity score
 * from entries, orders and joins"): an outbox effect on order.paid, idempotent per order as effects must be.
 */
export const groupsPaidEffect = orderEffect(ORDER_TOPICS.paid, async (ctx, order) => {
  const paidAt = order.payment?.paidAt ? new Date(order.payment.paidAt) : ctx.now()
  await creditPaidOrder(ctx.platform.db, order._id, order.payerOpenid, paidAt)
})
