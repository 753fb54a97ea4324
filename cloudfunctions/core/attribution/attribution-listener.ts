import { ORDER_TOPICS, orderEffect, type OrderListener } from '../orders'
import { attributeOrder } from './attribute-order'
import { accrueCommission, reverseForRefund } from './commission.service'

/**
 * Steward attribution follows every order (declared in core/attribution/index.ts):
 * paid → decide the steward and count the sale (the `attribution.paid` outbox effect, below);
 * fulfilled → accrue commission; refund settled → count it and claw back. Paid runs from the outbox and
 * refunded is retried by the order core until they succeed; a missed fulfilled event is caught by the
 * accrual sweep (accrual-sweep.ts).
 */
export const attributionPaidEffect = orderEffect(ORDER_TOPICS.paid, async (ctx, order) => {
  if (order.payment) await attributeOrder(ctx, order)
})

export const attributionListener: OrderListener = async (ctx, event) => {
  if (event.kind === 'fulfilled') {
    await accrueCommission(ctx, event.order._id)
  } else if (event.kind === 'refunded') {
    await reverseForRefund(ctx, event.order, event.refund)
  }
}
