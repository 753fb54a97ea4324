import type { OrderHookContext } from './order-type-hooks'
import { loadOrder, tryTransition } from './order-transition'
import { paidHookStateFor, runPaidHook } from './paid-hook'
import { must } from '../kernel/db-result'
import { ORDER_COLLECTIONS, type OrderDoc } from './order.model'
import { requestRefund } from './refund.service'

export interface VerifiedPayment {
  transactionId: string
  paidAt: Date
}

export type PaymentOutcome = 'applied' | 'duplicate' | 'refunded_late_payment'

/**
 * Records a payment the gateway has CONFIRMED (never call this with an unverified notify). Changes the
 * order exactly once however often and in whatever order it is called: the status write is conditional on
 * `created`, and a loser re-reads and finds the payment already there.
 */
export async function applyVerifiedPayment(ctx: OrderHookContext, order: OrderDoc, payment: VerifiedPayment): Promise<PaymentOutcome> {
  const db = ctx.platform.db
  for (let attempt = 0; attempt < 3; attempt++) {
    if (order.payment) {
      if (order.status === 'cancelled') return refundLatePayment(ctx, order)
      await runPaidHook(ctx, order)
      return 'duplicate'
    }
    if (order.status === 'created') {
      const moved = await tryTransition(ctx.platform, order, 'paid', {
        by: 'wechatpay',
        set: {
          payment: db.command.set(payment),
          paidFen: order.amountFen,
          paidHook: paidHookStateFor(ctx, order.type),
          listed: true,
        },
      })
      if (moved) {
        await runPaidHook(ctx, { ...order, status: 'paid', paidFen: order.amountFen, payment, paidHook: paidHookStateFor(ctx, order.type) })
        return 'applied'
      }
    } else if (order.status === 'cancelled') {
      // Paid after we cancelled (only possible if closing the WeChat order failed): the reservation is
      // gone, so keep the money on record and give it straight back.
      const res = must(
        await db
          .collection(ORDER_COLLECTIONS.orders)
          .where({ _id: order._id, status: 'cancelled', payment: null })
          .update({ payment: db.command.set(payment), paidFen: order.amountFen, updatedAt: ctx.platform.clock.now() }),
      )
      if (res.updated === 1) {
        ctx.platform.logger.warn('order.paid_after_cancel', { orderId: order._id })
        return refundLatePayment(ctx, order)
      }
    } else {
      return 'duplicate'
    }
    const fresh = await loadOrder(ctx.platform, order._id)
    if (!fresh) return 'duplicate'
    order = fresh
  }
  throw new Error(`order ${order._id}: payment could not be applied after 3 attempts`)
}

/** Idempotent (fixed refund key): a repeated notify after a crash here submits the same refund, not a second one. */
async function refundLatePayment(ctx: OrderHookContext, order: OrderDoc): Promise<PaymentOutcome> {
  await requestRefund(ctx, { orderId: order._id, reason: '订单已关闭，自动退回付款', by: 'system', requestedBy: 'system', refundKey: 'late-payment' })
  return 'refunded_late_payment'
}
