import type { OrderListener } from '../orders'
import { attributeOrder } from './attribute-order'
import { accrueCommission, reverseForRefund } from './commission.service'

/**
 * Steward attribution follows every order (declared in core/attribution/index.ts):
 * paid → decide the steward and count the sale; fulfilled → accrue commission; refund settled → count it
 * and claw back. Paid and refunded are retried by the order core until they succeed; a missed fulfilled
 * event is caught by the accrual sweep (accrual-sweep.ts).
 */
export const attributionListener: OrderListener = async (ctx, event) => {
  if (event.kind === 'paid') {
    if (event.order.payment) await attributeOrder(ctx, event.order)
  } else if (event.kind === 'fulfilled') {
    await accrueCommission(ctx, event.order._id)
  } else if (event.kind === 'refunded') {
    await reverseForRefund(ctx, event.order, event.refund)
  }
}
