import { yuan } from '../kernel/money'
import { must } from '../kernel/db-result'
import { runTx, txGet } from '../kernel/transaction'
import { DomainError } from '../kernel/domain-error'
import { ERROR_MESSAGES } from '../../contracts/errors/base'
import { ORDER_ERROR_MESSAGES } from '../../contracts/errors/orders'
import { paymentsOf, PaymentRejected } from '../kernel/ports/payments.port'
import type { OrderHookContext } from './order-type-hooks'
import { refundIdFor } from './order-ids'
import { assertTransition, REFUNDABLE_FROM } from './order-state-machine'
import { historyEntry, requireOrder } from './order-transition'
import { ORDER_COLLECTIONS, type OrderDoc, type RefundDoc } from './order.model'
import { settleRefund } from './refund-settle'

export interface RefundRequestInput {
  orderId: string
  /** Omit for "everything that is left". */
  amountFen?: number
  reason: string
  /** resident | ops | system: who moved the order, for the timeline. */
  by: string
  /** Openid of a resident, or 'ops' / 'system'. */
  requestedBy: string
  /** Same key ⇒ same refund (the client's requestId, or e.g. 'groupbuy-not-formed'). */
  refundKey: string
}

/** Conflicting refund transactions are retried this often before giving up (they re-check the totals each time). */
const TX_RETRIES = 10

/**
 * Opens a refund: its own record and id, the order's in-flight total raised, the order moved to
 * `refunding`, all in one transaction on the order document — two racing requests are serialized by the
 * transaction's conflict check, so together they can never exceed what was paid. Then submits it to the
 * gateway; the result arrives as a refund notify (refund-notify.ts).
 */
export async function requestRefund(ctx: OrderHookContext, input: RefundRequestInput): Promise<{ order: OrderDoc; refund: RefundDoc }> {
  const db = ctx.platform.db
  const refundId = refundIdFor(input.orderId, input.refundKey)
  let refund = (must(await db.collection(ORDER_COLLECTIONS.refunds).doc(refundId).get()).data as RefundDoc[])[0]
  if (refund && input.amountFen !== undefined && refund.amountFen !== input.amountFen) {
    throw new DomainError('REQUEST.ID_REUSED', ERROR_MESSAGES['REQUEST.ID_REUSED'])
  }
  refund ??= await openRefund(ctx, refundId, input)
  if (!refund.submitted && refund.status === 'pending') refund = await submitRefund(ctx, refund)
  return { order: await requireOrder(ctx.platform, input.orderId), refund }
}

async function openRefund(ctx: OrderHookContext, refundId: string, input: RefundRequestInput): Promise<RefundDoc> {
  const db = ctx.platform.db
  const _ = db.command
  return runTx(
    db,
    async (t) => {
      const now = ctx.platform.clock.now()
      const order = await txGet<OrderDoc>(t, ORDER_COLLECTIONS.orders, input.orderId)
      if (!order) throw new DomainError('ORDER.NOT_FOUND', ORDER_ERROR_MESSAGES['ORDER.NOT_FOUND'])
      // A payment that landed on a cancelled order is refunded without moving the order (it stays cancelled).
      const latePayment = order.status === 'cancelled' && order.paidFen > 0
      if (!latePayment && !REFUNDABLE_FROM.includes(order.status)) assertTransition(order.status, 'refunding')
      const remaining = order.paidFen - order.refundedFen - order.pendingRefundFen
      const amountFen = input.amountFen ?? remaining
      if (amountFen <= 0 || amountFen > remaining) {
        throw new DomainError('ORDER.REFUND_EXCEEDS_PAID', ORDER_ERROR_MESSAGES['ORDER.REFUND_EXCEEDS_PAID'], { remaining })
      }
      const refund: RefundDoc = {
        _id: refundId,
        orderId: order._id,
        payerOpenid: order.payerOpenid,
        amountFen,
        reason: input.reason,
        requestedBy: input.requestedBy,
        status: 'pending',
        submitted: false,
        hook: 'none',
        wechatRefundId: null,
        requestedAt: now,
        completedAt: null,
      }
      must(await t.collection(ORDER_COLLECTIONS.refunds).add(refund))
      const patch: Record<string, unknown> = { pendingRefundFen: order.pendingRefundFen + amountFen, updatedAt: now }
      if (!latePayment && order.status !== 'refunding') {
        assertTransition(order.status, 'refunding')
        Object.assign(patch, {
          status: 'refunding',
          resumeStatus: order.status,
          history: _.push([historyEntry(order.status, 'refunding', now, input.by, `退款 ${yuan(amountFen)} 元：${input.reason}`)]),
        })
      }
      must(await t.collection(ORDER_COLLECTIONS.orders).doc(order._id).update(patch))
      return refund
    },
    TX_RETRIES,
  )
}

/**
 * Hands the refund to the gateway. A transient failure leaves `submitted: false` for the reconcile timer
 * (and any retry of the same request); an outright refusal settles the refund as failed, which gives the
 * amount back to "refundable" and returns the order to where it was.
 */
export async function submitRefund(ctx: OrderHookContext, refund: RefundDoc): Promise<RefundDoc> {
  const order = await requireOrder(ctx.platform, refund.orderId)
  try {
    await paymentsOf(ctx.platform).refund({ orderNo: order._id, refundNo: refund._id, totalFen: order.paidFen, refundFen: refund.amountFen, reason: refund.reason })
  } catch (e) {
    if (e instanceof PaymentRejected) {
      ctx.platform.logger.warn('refund.rejected', { refundId: refund._id, reason: e.reason })
      await settleRefund(ctx, refund._id, { success: false, wechatRefundId: null, at: ctx.platform.clock.now() })
      return { ...refund, status: 'failed' }
    }
    ctx.platform.logger.warn('refund.submit_failed', { refundId: refund._id, errorMessage: (e as Error).message })
    return refund
  }
  must(await ctx.platform.db.collection(ORDER_COLLECTIONS.refunds).where({ _id: refund._id, submitted: false }).update({ submitted: true }))
  return { ...refund, submitted: true }
}
