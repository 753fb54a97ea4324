import type { OrderListener } from '../orders'
import { creditPaidOrder } from './membership.service'

/**
 * A paid order counts towards the activity score of the payer's community groups (DOMAIN: "activity score
 * from entries, orders and joins"). creditPaidOrder is idempotent per order, as order listeners must be.
 */
export const groupsActivityListener: OrderListener = async (ctx, event) => {
  if (event.kind !== 'paid') return
  const paidAt = event.order.payment?.paidAt ? new Date(event.order.payment.paidAt) : ctx.now()
  await creditPaidOrder(ctx.platform.db, event.order._id, event.order.payerOpenid, paidAt)
}
