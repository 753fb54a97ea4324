import { paymentsOf } from '../kernel/ports/payments.port'
import type { OrderHookContext } from './order-type-hooks'
import { applyVerifiedPayment, type PaymentOutcome } from './apply-payment'
import type { OrderDoc } from './order.model'

/**
 * Asks the gateway whether an unpaid order was paid, and applies it if so. Used before closing an order
 * (cancel, expiry): a notify may still be on its way, and the gateway is the source of truth.
 */
export async function syncPayment(ctx: OrderHookContext, order: OrderDoc): Promise<PaymentOutcome | 'unpaid'> {
  const q = await paymentsOf(ctx.platform).queryPayment(order._id)
  if ((q.state !== 'SUCCESS' && q.state !== 'REFUND') || q.totalFen !== order.amountFen || !q.transactionId) return 'unpaid'
  return applyVerifiedPayment(ctx, order, { transactionId: q.transactionId, paidAt: q.paidAt ?? ctx.platform.clock.now() })
}
