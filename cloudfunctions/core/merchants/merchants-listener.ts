import { ORDER_TOPICS, orderEffect, type OrderListener } from '../orders'
import { recordRefund, recordSale, recordSplit } from './split.service'

/**
 * Merchants follow every order (declared in core/merchants/index.ts): paid → the split is fixed (the
 * `merchants.paid` outbox effect; it makes sure the steward is decided first, since the split needs their
 * rate); fulfilled → the merchant's sale and its 分账 split; refund settled → its parts, a ledger deduction
 * and a 分账 return. Profit-sharing calls themselves are made by the merchants function's timer, never
 * inside a payment or refund; a missed fulfilled event is caught by that timer's sale sweep.
 */
export const merchantsPaidEffect = orderEffect(ORDER_TOPICS.paid, async (ctx, order) => {
  await recordSplit(ctx, order)
})

export const merchantsListener: OrderListener = async (ctx, event) => {
  if (event.kind === 'fulfilled') await recordSale(ctx, event.order._id)
  else if (event.kind === 'refunded') await recordRefund(ctx, event.order, event.refund)
}
