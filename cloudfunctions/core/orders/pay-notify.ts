import type { PayNotify, WechatNotifyReply } from '../../contracts/paycallback.contract'
import { paymentsOf } from '../kernel/ports/payments.port'
import type { OrderHookContext } from './order-type-hooks'
import { loadOrder } from './order-transition'
import { applyVerifiedPayment } from './apply-payment'

export const ACK: WechatNotifyReply = { errcode: 0, errmsg: 'OK' }
/** Non-zero errcode: WeChat retries (for up to two days), which is right for anything that may heal. */
export const refuse = (errmsg: string): WechatNotifyReply => ({ errcode: 1, errmsg })

/**
 * A payment result notify. Trust nothing in it: the order must exist, the amount must be the order's, and
 * the gateway itself (queryPayment) must confirm the same transaction and amount before anything changes.
 * Refusals are logged with the order id only (no personal data) and change nothing. Fast: one read, one
 * gateway query, one money transaction (order + the type's onPaid + the outbox event), then the effects.
 */
export async function handlePayNotify(ctx: OrderHookContext, notify: PayNotify): Promise<WechatNotifyReply> {
  const log = ctx.platform.logger
  if (notify.returnCode !== 'SUCCESS' || notify.resultCode !== 'SUCCESS') {
    log.info('pay.notify.not_success', { orderId: notify.outTradeNo, resultCode: notify.resultCode ?? null })
    return ACK
  }
  const order = await loadOrder(ctx.platform, notify.outTradeNo)
  if (!order) {
    log.warn('pay.notify.refused', { reason: 'unknown_order', orderId: notify.outTradeNo })
    return refuse('unknown order')
  }
  if (notify.totalFee !== order.amountFen || !notify.transactionId) {
    log.error('pay.notify.refused', { reason: 'amount_mismatch', orderId: order._id, notifiedFen: notify.totalFee ?? null, orderFen: order.amountFen })
    return refuse('amount mismatch')
  }
  if (order.payment && order.payment.transactionId !== notify.transactionId) {
    log.error('pay.notify.refused', { reason: 'other_transaction', orderId: order._id })
    return refuse('transaction mismatch')
  }
  if (!order.payment) {
    const confirmed = await paymentsOf(ctx.platform).queryPayment(order._id)
    const paidState = confirmed.state === 'SUCCESS' || confirmed.state === 'REFUND'
    if (!paidState || confirmed.totalFen !== order.amountFen || confirmed.transactionId !== notify.transactionId) {
      log.error('pay.notify.refused', { reason: 'not_confirmed_by_gateway', orderId: order._id, gatewayState: confirmed.state })
      return refuse('not confirmed')
    }
    // WeChat is answered once the money transaction committed; a failed effect waits in the outbox.
    const outcome = await applyVerifiedPayment(ctx, order, { transactionId: notify.transactionId, paidAt: confirmed.paidAt ?? ctx.platform.clock.now() })
    log.info('pay.notify.handled', { orderId: order._id, outcome })
    return ACK
  }
  // A repeat of a notify we already applied: the outbox owns the effects; only a late payment needs its refund.
  await applyVerifiedPayment(ctx, order, order.payment)
  return ACK
}
