import { must } from '../kernel/db-result'
import { runTx, txGet } from '../kernel/transaction'
import { emitInTx, newOutboxEvent, processAfterCommit } from '../outbox'
import { hooksFor, type OrderHookContext } from './order-type-hooks'
import { ORDER_TOPICS, type OrderEventPayload, type OrderOutboxEvent } from './order-events'
import { assertTransition } from './order-state-machine'
import { historyEntry } from './order-transition'
import { ORDER_COLLECTIONS, type OrderDoc, type OrderStatus, type RefundDoc } from './order.model'

export interface RefundResult {
  success: boolean
  wechatRefundId: string | null
  at: Date
}

/**
 * Applies a refund's final result exactly once: refund pending → succeeded/failed and the order's totals
 * in one transaction (a second caller finds the refund no longer pending and changes nothing). When the
 * last in-flight refund settles, the order leaves `refunding`: to `refunded` if everything paid went back,
 * else to the status it was refunded from. A successful refund also writes the `order.refunded` outbox
 * event (`order.refunded:<refundId>`) in that transaction, when some area subscribes to it: commission
 * claw-back and the merchant's refund parts run from there, after commit, exactly once. Then the type's
 * own onRefunded hook, tracked on the refund (`hook`).
 */
export async function settleRefund(ctx: OrderHookContext, refundId: string, result: RefundResult): Promise<'settled' | 'already'> {
  const db = ctx.platform.db
  const _ = db.command
  const settled = await runTx(db, async (t): Promise<{ order: OrderDoc; refund: RefundDoc; event: OrderOutboxEvent | null } | null> => {
    const refund = await txGet<RefundDoc>(t, ORDER_COLLECTIONS.refunds, refundId)
    if (!refund || refund.status !== 'pending') return null
    const order = await txGet<OrderDoc>(t, ORDER_COLLECTIONS.orders, refund.orderId)
    if (!order) return null
    const now = ctx.platform.clock.now()
    const refundedFen = order.refundedFen + (result.success ? refund.amountFen : 0)
    const pendingRefundFen = order.pendingRefundFen - refund.amountFen
    const patch: Record<string, unknown> = { refundedFen, pendingRefundFen, updatedAt: now }
    let status: OrderStatus = order.status
    if (order.status === 'refunding' && pendingRefundFen === 0) {
      status = refundedFen >= order.paidFen ? 'refunded' : (order.resumeStatus ?? 'paid')
      assertTransition('refunding', status)
      const note = `${result.success ? '退款成功' : '退款失败'} ${(refund.amountFen / 100).toFixed(2)} 元`
      Object.assign(patch, { status, resumeStatus: null, history: _.push([historyEntry('refunding', status, now, 'wechatpay', note)]) })
    }
    const hook = result.success && hooksFor(ctx.platform, order.type).onRefunded ? 'pending' : 'none'
    const refundPatch = { status: result.success ? 'succeeded' : 'failed', completedAt: result.at, wechatRefundId: result.wechatRefundId, hook }
    must(await t.collection(ORDER_COLLECTIONS.refunds).doc(refundId).update(refundPatch))
    must(await t.collection(ORDER_COLLECTIONS.orders).doc(order._id).update(patch))
    const after = { ...order, refundedFen, pendingRefundFen, status, updatedAt: now } as OrderDoc
    const settledRefund = { ...refund, ...refundPatch } as RefundDoc
    let event: OrderOutboxEvent | null = null
    if (result.success && hasRefundEffects(ctx)) {
      event = newOutboxEvent<OrderEventPayload>(ORDER_TOPICS.refunded, refundId, { order: after, notes: {}, refund: settledRefund }, now, order.communityId)
      await emitInTx(t, event)
    }
    return { order: after, refund: settledRefund, event }
  })
  if (!settled) return 'already'
  if (settled.event) await processAfterCommit(ctx, settled.event)
  await runRefundHook(ctx, settled.order, settled.refund)
  return 'settled'
}

/** No area listens (a bare test wiring): no event, one insert saved. */
function hasRefundEffects(ctx: OrderHookContext): boolean {
  for (const effect of ctx.platform.wiring.effects.values()) if (effect.topics.includes(ORDER_TOPICS.refunded)) return true
  return false
}

/** The type's onRefunded while pending; a repeated notify (or the reconcile timer) retries a failed or crashed run. */
export async function runRefundHook(ctx: OrderHookContext, order: OrderDoc, refund: RefundDoc): Promise<void> {
  if (refund.hook !== 'pending') return
  await hooksFor(ctx.platform, order.type).onRefunded?.(ctx, order, refund)
  must(await ctx.platform.db.collection(ORDER_COLLECTIONS.refunds).where({ _id: refund._id, hook: 'pending' }).update({ hook: 'done' }))
}
