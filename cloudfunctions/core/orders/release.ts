import { must } from '../kernel/db-result'
import { hooksFor, type OrderHookContext } from './order-type-hooks'
import { ORDER_COLLECTIONS, type OrderDoc } from './order.model'

/**
 * Second half of cancelling an order that held a reservation: run the type's release hook, then record
 * that it ran. A crash between the two leaves `releasing`, which the expiry timer finishes on its next run;
 * the hook is idempotent per order, so that second call gives nothing back twice.
 */
export async function finishRelease(ctx: OrderHookContext, order: OrderDoc): Promise<void> {
  if (order.reservation !== 'releasing') return
  await hooksFor(ctx.platform, order.type).release?.(ctx, order)
  must(
    await ctx.platform.db
      .collection(ORDER_COLLECTIONS.orders)
      .where({ _id: order._id, reservation: 'releasing' })
      .update({ reservation: 'released', updatedAt: ctx.platform.clock.now() }),
  )
}
