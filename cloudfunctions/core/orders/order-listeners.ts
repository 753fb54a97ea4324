import type { OrderHookContext } from './order-type-hooks'
import type { OrderDoc, RefundDoc } from './order.model'

/**
 * Moments of ANY order's life that areas outside the order types care about (steward attribution,
 * metrics), called after the order core has committed them. (Paid is not here: it is an outbox event,
 * `order.paid`, that areas subscribe to with `effects` in their defineArea — order-events.ts.)
 * - refunded: inside the onRefunded run of a successful refund (refund.hook), retried the same way;
 * - fulfilled: right after the paid → fulfilled write; best effort (logged), so listeners that must not
 *   miss it keep their own sweep.
 * Listeners must be idempotent per order (per refund for `refunded`), like order-type hooks.
 */
export type OrderEvent =
  | { kind: 'fulfilled'; order: OrderDoc }
  | { kind: 'refunded'; order: OrderDoc; refund: RefundDoc }

export type OrderListener = (ctx: OrderHookContext, event: OrderEvent) => Promise<void>

/** Listeners come from the areas (orderListeners in each core/<area>/index.ts), gathered in platform.wiring. */
function listenersOf(ctx: OrderHookContext): OrderListener[] {
  return [...ctx.platform.wiring.orderListeners.values()] as OrderListener[]
}

export function hasOrderListeners(ctx: OrderHookContext): boolean {
  return ctx.platform.wiring.orderListeners.size > 0
}

/** Runs every listener in the areas' order; the first failure is thrown after all have had their turn. */
export async function emitOrderEvent(ctx: OrderHookContext, event: OrderEvent): Promise<void> {
  let failure: unknown
  for (const listener of listenersOf(ctx)) {
    try {
      await listener(ctx, event)
    } catch (e) {
      failure ??= e
    }
  }
  if (failure) throw failure
}
