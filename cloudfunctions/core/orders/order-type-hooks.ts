import type { Platform } from '../kernel/platform'
import type { Tx } from '../kernel/transaction'
import type { OrderDoc, OrderType, RefundDoc } from './order.model'

/** What a hook may use: the platform (db, clock, logger, ports). ActionContext satisfies it. */
export interface OrderHookContext {
  platform: Platform
  now(): Date
}

/**
 * What onPaid may use: the hook context plus the money transaction. Inside it only single-document
 * transaction operations are possible (`tx.collection(c).doc(id).get/update/set`, `tx.collection(c).add`),
 * as in CloudBase; queries, refunds and notifications belong in an effect (OrderEventPayload.notes carries
 * what the hook found for them). The body may run more than once (conflict retries): no side effects
 * outside `tx`.
 */
export interface PaidTxContext extends OrderHookContext {
  tx: Tx
  /** Notes for the type's own effects, stored on the outbox event (order-events.ts). */
  notes: Record<string, unknown>
}

/**
 * What an order type (fee, groupbuy, service) does at the moments the order core owns.
 *
 * EVERY HOOK MUST BE IDEMPOTENT, keyed by order._id (or refund._id): WeChat repeats notifies for a day,
 * the expiry timer can be re-run after a crash, and the core calls a hook again whenever it cannot prove
 * the previous call finished. "Exactly once" is the hook's conditional update, not the caller's luck.
 *
 * - reserve: right after the order is written (as a draft). Throw a DomainError (e.g. GROUPBUY.SOLD_OUT)
 *   to refuse: the core deletes the draft. Any other failure leaves the draft for a retry with the same
 *   requestId, or for the expiry timer, which calls release.
 * - release: the unpaid order was cancelled or expired. May be called for an order whose reserve never
 *   ran or never finished — release only what this order actually holds.
 * - onPaid: INSIDE the money transaction of the pay notify (PaidTxContext): the order is becoming `paid`;
 *   make what must change with the money change with it (mark bills paid, confirm the stock's entry).
 *   It runs once per payment (the transaction commits once); everything downstream is an effect.
 * - onRefunded: one refund settled successfully (partial or full; compare refund.amountFen with
 *   order.paidFen / order.refundedFen to tell).
 * - userRefundable: may the resident refund this paid order themselves (default: no, ops does it).
 */
export interface OrderTypeHooks {
  reserve?(ctx: OrderHookContext, order: OrderDoc): Promise<void>
  release?(ctx: OrderHookContext, order: OrderDoc): Promise<void>
  onPaid?(ctx: PaidTxContext, order: OrderDoc): Promise<void>
  onRefunded?(ctx: OrderHookContext, order: OrderDoc, refund: RefundDoc): Promise<void>
  userRefundable?(order: OrderDoc): boolean
}

/** The hooks of an order type, as the areas declared them (cloudfunctions/areas.ts → platform.wiring). */
export function hooksFor(platform: Platform, type: OrderType): OrderTypeHooks {
  return (platform.wiring.orderTypes.get(type) ?? {}) as OrderTypeHooks
}

/** Tests swap a type's hooks on one platform for recording ones; returns the function that puts the old ones back. */
export function overrideOrderTypeHooks(platform: Platform, type: OrderType, hooks: OrderTypeHooks): () => void {
  const types = platform.wiring.orderTypes
  const previous = types.get(type)
  types.set(type, hooks)
  return () => {
    if (previous) types.set(type, previous)
    else types.delete(type)
  }
}
