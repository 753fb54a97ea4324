import type { OrderHookContext, PaidTxContext } from './order-type-hooks'
import { hooksFor } from './order-type-hooks'
import { historyEntry, loadOrder } from './order-transition'
import { assertTransition } from './order-state-machine'
import { must } from '../kernel/db-result'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import { emitInTx, newOutboxEvent, processAfterCommit } from '../outbox'
import { ORDER_TOPICS, type OrderEventPayload, type OrderOutboxEvent } from './order-events'
import { ORDER_COLLECTIONS, type OrderDoc } from './order.model'
import { requestRefund } from './refund.service'

export interface VerifiedPayment {
  transactionId: string
  paidAt: Date
}

export type PaymentOutcome = 'applied' | 'duplicate' | 'refunded_late_payment'

type MoneyTxResult = { kind: 'applied'; event: OrderOutboxEvent } | { kind: 'moved'; order: OrderDoc } | { kind: 'gone' }

/**
 * THE money transaction of a payment: the order becomes paid, the type's onPaid makes its own change
 * (bills paid, group-buy entry paid) and the `order.paid` outbox event is written — all or nothing, and
 * nothing else. Conflicts (the expiry timer cancelling at the same moment, a closing job touching the
 * entry) retry on fresh data; an order no longer `created` is answered as it is now.
 */
async function commitPayment(ctx: OrderHookContext, orderId: string, payment: VerifiedPayment): Promise<MoneyTxResult> {
  const db = ctx.platform.db
  const now = ctx.platform.clock.now()
  return runTx(db, async (t): Promise<MoneyTxResult> => {
    const order = await txGet<OrderDoc>(t, ORDER_COLLECTIONS.orders, orderId)
    if (!order) return { kind: 'gone' }
    if (order.status !== 'created' || order.payment) return { kind: 'moved', order }
    assertTransition(order.status, 'paid')
    const change = historyEntry('created', 'paid', now, 'wechatpay')
    await txWrite(
      t.collection(ORDER_COLLECTIONS.orders).doc(orderId).update({
        status: 'paid',
        payment: db.command.set(payment),
        paidFen: order.amountFen,
        listed: true,
        updatedAt: now,
        history: db.command.push([change]),
      }),
    )
    const paid: OrderDoc = { ...order, status: 'paid', payment, paidFen: order.amountFen, listed: true, updatedAt: now, history: [...order.history, change] }
    const txCtx: PaidTxContext = { platform: ctx.platform, now: () => now, tx: t, notes: {} }
    await hooksFor(ctx.platform, order.type).onPaid?.(txCtx, paid)
    const event = newOutboxEvent<OrderEventPayload>(ORDER_TOPICS.paid, orderId, { order: paid, notes: txCtx.notes }, now)
    await emitInTx(t, event)
    return { kind: 'applied', event }
  })
}

/**
 * Records a payment the gateway has CONFIRMED (never call this with an unverified notify). Changes the
 * order exactly once however often and in whatever order it is called: the paid transition, the type's
 * onPaid and the outbox event commit together, and a repeat finds the payment already there. The
 * downstream effects then run from the outbox (right here, and the timer for whatever fails or crashes).
 */
export async function applyVerifiedPayment(ctx: OrderHookContext, order: OrderDoc, payment: VerifiedPayment): Promise<PaymentOutcome> {
  const db = ctx.platform.db
  for (let attempt = 0; attempt < 3; attempt++) {
    if (order.payment) return order.status === 'cancelled' ? refundLatePayment(ctx, order) : 'duplicate'
    if (order.status === 'created') {
      const result = await commitPayment(ctx, order._id, payment)
      if (result.kind === 'gone') return 'duplicate'
      if (result.kind === 'applied') {
        await processAfterCommit(ctx, result.event)
        return 'applied'
      }
      order = result.order
      continue
    }
    if (order.status !== 'cancelled') return 'duplicate'
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
