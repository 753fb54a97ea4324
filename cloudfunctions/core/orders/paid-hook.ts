import { must } from '../kernel/db-result'
import { hooksFor, type OrderHookContext } from './order-type-hooks'
import { emitOrderEvent, hasOrderListeners } from './order-listeners'
import { ORDER_COLLECTIONS, type OrderDoc, type OrderType } from './order.model'

/** 'pending' when anything must run on payment: the type's onPaid or an order listener (order-listeners.ts). */
export function paidHookStateFor(ctx: OrderHookContext, type: OrderType): 'pending' | 'done' {
  return hooksFor(ctx.platform, type).onPaid || hasOrderListeners(ctx) ? 'pending' : 'done'
}

export interface PaidHookOptions {
  /**
   * Pay notifies set this: the money part (the paid transition, then the type's onPaid — bills, stock) must
   * succeed before WeChat is answered, but the downstream effects (order listeners: attribution and its
   * rollups, commission, group activity) need not. If they fail (typically a write conflict on a hot figure
   * under a rush), the order keeps paidHook 'pending' — the durable outbox mark, written with the payment —
   * and the reconcilePayments timer applies them later; each listener is idempotent per order, so an
   * effect that had landed before the failure is not applied twice.
   */
  deferEffects?: boolean
}

/** Runs onPaid while it is pending; the next notify (WeChat repeats them) or the reconcile timer retries a failed or crashed run. */
export async function runPaidHook(ctx: OrderHookContext, order: OrderDoc, options: PaidHookOptions = {}): Promise<void> {
  if (order.paidHook !== 'pending') return
  await hooksFor(ctx.platform, order.type).onPaid?.(ctx, order)
  try {
    await emitOrderEvent(ctx, { kind: 'paid', order })
  } catch (e) {
    if (!options.deferEffects) throw e
    ctx.platform.logger.warn('order.paid_effects_deferred', { orderId: order._id, error: e instanceof Error ? e.message : String((e as { code?: string })?.code ?? e) })
    return
  }
  must(
    await ctx.platform.db
      .collection(ORDER_COLLECTIONS.orders)
      .where({ _id: order._id, paidHook: 'pending' })
      .update({ paidHook: 'done', updatedAt: ctx.platform.clock.now() }),
  )
}
