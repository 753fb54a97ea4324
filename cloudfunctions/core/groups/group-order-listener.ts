import { ORDER_TOPICS, orderEffect } from '../orders'
import { reportHouseholdFacts } from '../profiles'
import { creditPaidOrder } from './membership.service'

/**
 * A paid order counts towards the activity score of the payer's community groups (DOMAIN: "activity score
 * from entries, orders and joins"): an outbox effect on order.paid, idempotent per order as effects must be.
 * The same order is a 社群活跃 fact in the household's profile when its payer is in a group (keyed by
 * order, so a re-run records it once).
 */
export const groupsPaidEffect = orderEffect(ORDER_TOPICS.paid, async (ctx, order) => {
  const paidAt = order.payment?.paidAt ? new Date(order.payment.paidAt) : ctx.now()
  await creditPaidOrder(ctx.platform.db, order._id, order.payerOpenid, paidAt, async () => {
    await reportHouseholdFacts(ctx.platform, [{ householdId: order.householdId, communityId: order.communityId, kind: 'group_activity', sourceId: `order-${order._id}`, at: paidAt }])
  })
})
