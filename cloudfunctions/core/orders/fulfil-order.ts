import type { OrderHookContext } from './order-type-hooks'
import { transitionOrThrow } from './order-transition'
import { emitOrderEvent } from './order-listeners'
import type { OrderDoc } from './order.model'

/** paid → fulfilled: the service was done / the group buy formed and goods are ready. */
export async function fulfilOrder(ctx: OrderHookContext, orderId: string, by: string, note: string | null = null): Promise<OrderDoc> {
  const order = await transitionOrThrow(ctx.platform, orderId, 'fulfilled', { by, note })
  // The order IS fulfilled whatever a listener does; listeners that must not miss this keep a sweep.
  await emitOrderEvent(ctx, { kind: 'fulfilled', order }).catch((e: Error) =>
    ctx.platform.logger.error('order.listener_failed', { orderId, event: 'fulfilled', errorMessage: e?.message }),
  )
  return order
}

/** fulfilled → completed: closed for good (no refunds after this). */
export function completeOrder(ctx: OrderHookContext, orderId: string, by: string, note: string | null = null): Promise<OrderDoc> {
  return transitionOrThrow(ctx.platform, orderId, 'completed', { by, note })
}
