import type { RefundNotify, RefundNotifyInfo, WechatNotifyReply } from '../../contracts/paycallback.contract'
import { refundNotifyInfoSchema } from '../../contracts/paycallback.contract'
import { must } from '../kernel/db-result'
import { paymentsOf } from '../kernel/ports/payments.port'
import type { OrderHookContext } from './order-type-hooks'
import { loadOrder } from './order-transition'
import { ACK, refuse } from './pay-notify'
import { runRefundHook, settleRefund } from './refund-settle'
import { ORDER_COLLECTIONS, type RefundDoc } from './order.model'

/** CloudBase hands refund results decrypted, flat or under reqInfo; accept either, validate both the same way. */
export function refundInfoOf(notify: RefundNotify): RefundNotifyInfo | null {
  const parsed = refundNotifyInfoSchema.safeParse(notify.reqInfo ?? notify)
  return parsed.success ? parsed.data : null
}

/**
 * A refund result notify: the refund must be ours, for that order and amount, and the gateway must
 * confirm a final state (queryRefund) before the refund settles — exactly once (refund-settle.ts).
 */
export async function handleRefundNotify(ctx: OrderHookContext, notify: RefundNotify): Promise<WechatNotifyReply> {
  const log = ctx.platform.logger
  const info = refundInfoOf(notify)
  if (notify.returnCode !== 'SUCCESS' || !info) {
    log.warn('refund.notify.refused', { reason: 'malformed' })
    return refuse('malformed')
  }
  const refund = (must(await ctx.platform.db.collection(ORDER_COLLECTIONS.refunds).doc(info.outRefundNo).get()).data as RefundDoc[])[0]
  if (!refund) {
    log.warn('refund.notify.refused', { reason: 'unknown_refund', refundId: info.outRefundNo })
    return refuse('unknown refund')
  }
  if (refund.orderId !== info.outTradeNo || refund.amountFen !== info.refundFee) {
    log.error('refund.notify.refused', { reason: 'mismatch', refundId: refund._id, notifiedFen: info.refundFee, refundFen: refund.amountFen })
    return refuse('mismatch')
  }
  if (refund.status !== 'pending') {
    // Repeat: the refund is settled; finish its hook if a crash interrupted it.
    if (refund.hook === 'pending') {
      const order = await loadOrder(ctx.platform, refund.orderId)
      if (order) await runRefundHook(ctx, order, refund)
    }
    return ACK
  }
  const confirmed = await paymentsOf(ctx.platform).queryRefund(refund._id)
  const final = confirmed.state === 'SUCCESS' || confirmed.state === 'CLOSED' || confirmed.state === 'CHANGE'
  const agrees = final && confirmed.state === info.refundStatus && (confirmed.state !== 'SUCCESS' || confirmed.refundFen === refund.amountFen)
  if (!agrees) {
    log.error('refund.notify.refused', { reason: 'not_confirmed_by_gateway', refundId: refund._id, gatewayState: confirmed.state })
    return refuse('not confirmed')
  }
  const outcome = await settleRefund(ctx, refund._id, {
    success: confirmed.state === 'SUCCESS',
    wechatRefundId: confirmed.refundId ?? info.refundId ?? null,
    at: confirmed.succeededAt ?? ctx.platform.clock.now(),
  })
  log.info('refund.notify.handled', { refundId: refund._id, outcome, state: confirmed.state })
  return ACK
}
