import type { OrderHookContext } from './order-type-hooks'
import type { OrderDoc, RefundDoc } from './order.model'

/**
 * Moments of ANY order's life that areas outside the order types care about (steward attribution,
 * metrics), called after the order core has committed them:
 * - paid: inside the onPaid run (paidHook pending → done), so a failure is retried by the next notify or
 *   the reconcile timer exactly like a type's onPaid;
 * - refunded: inside the onRefunded run of a successful refund (refund.hook), retried the same way;
 * - fulfilled: right after the paid → fulfilled write; best effort (logged), so listeners that must not
 *   miss it keep their own sweep.
 * Listeners must be idempotent per order (per refund for `refunded`), like order-type hooks.
 */
export type OrderEvent =
  | { kind: 'paid'; order: OrderDoc }
  | { kind: 'fulfilled'; order: OrderDoc }
  | { kind: 'refunded'; order: OrderDoc; refund: RefundDoc }

export type OrderListener = (ctx: OrderHookContext, event: OrderEvent) => Promise<void>

const listeners = new Map<string, OrderListener>()

/** Registered at import time (one import line in all-order-types.ts); the name keeps re-imports single. */
export function addOrderListener(name: string, listener: OrderListener): void {
  listeners.set(name, listener)
}

export function hasOrderListeners(): boolean {
  return listeners.size > 0
}

/** Runs every listener in registration order; the first failure is thrown after all have had their turn. */
export async function emitOrderEvent(ctx: OrderHookContext, event: OrderEvent): Promise<void> {
  let failure: unknown
  for (const listener of listeners.values()) {
    try {
      await listener(ctx, event)
    } catch (e) {
      failure ??= e
    }
  }
  if (failure) throw failure
}
