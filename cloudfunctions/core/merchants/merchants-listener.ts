import type { OrderListener } from '../orders'
import { recordRefund, recordSale, recordSplit } from './split.service'

/**
 * Merchants follow every order (declared in core/merchants/index.ts, listed after attribution in areas.ts
 * so the steward's rate is decided first): paid → the split is fixed; fulfilled → the merchant's sale and
 * its 分账 split; refund settled → its parts, a ledger deduction and a 分账 return. Profit-sharing calls
 * themselves are made by the merchants function's timer, never inside a payment or refund.
 */
export const merchantsListener: OrderListener = async (ctx, event) => {
  if (event.kind === 'paid') await recordSplit(ctx, event.order)
  else if (event.kind === 'fulfilled') await recordSale(ctx, event.order._id)
  else if (event.kind === 'refunded') await recordRefund(ctx, event.order, event.refund)
}
