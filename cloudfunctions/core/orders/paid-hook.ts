import { must } from '../kernel/db-result'
import { hooksFor, type OrderHookContext } from './order-type-hooks'
import { emitOrderEvent, hasOrderListeners } from './order-listeners'
import { ORDER_COLLECTIONS, type OrderDoc, type OrderType } from './order.model'

/** 'pending' when anything must run on payment: the type's onPaid or an order listener (order-listeners.ts). */
export function paidHookStateFor(ctx: OrderHookContext, type: OrderType): 'pending' | 'done' {
  return hooksFor(ctx.platform, type).onPaid || hasOrderListeners(ctx) ? 'pending' : 'done'
}

/** Runs onPaid while it is pending; the next notify (WeChat repeats them) retries a failed or crashed run. */
export async function runPaidHook(ctx: OrderHookContext, order: OrderDoc): Promise<void> {
  if (order.paidHook !== 'pending') return
  await hooksFor(ctx.platform, order.type).onPaid?.(ctx, order)
  await emitOrderEvent(ctx, { kind: 'paid', order })
  must(
    await ctx.platform.db
      .collection(ORDER_COLLECTIONS.orders)
      .where({ _id: order._id, paidHook: 'pending' })
      .update({ paidHook: 'done', updatedAt: ctx.platform.clock.now() }),
  )
}
