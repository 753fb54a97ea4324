import type { EffectContext, OutboxEffect, OutboxEvent } from '../kernel/outbox'
import type { OrderDoc, RefundDoc } from './order.model'

/** Outbox topics the order core writes (core/outbox), each in the same transaction as the change. */
export const ORDER_TOPICS = {
  /** The payment landed: written by the pay-notify money transaction, with the order as paid. */
  paid: 'order.paid',
  /** paid → fulfilled (service done, group-buy goods handed over): written with that status move. */
  fulfilled: 'order.fulfilled',
  /** A refund succeeded: written by the refund's settling transaction, one event per refund. */
  refunded: 'order.refunded',
} as const

export type OrderTopic = (typeof ORDER_TOPICS)[keyof typeof ORDER_TOPICS]

/**
 * What an order event carries: the order as committed, plus notes the type's in-transaction onPaid left
 * for its own effects (e.g. fees: bills another order had paid first, to be refunded after commit), and for
 * `order.refunded` the refund that settled.
 */
export interface OrderEventPayload {
  order: OrderDoc
  notes: Record<string, unknown>
  refund?: RefundDoc
}

export type OrderOutboxEvent = OutboxEvent<OrderEventPayload>

/**
 * How an area declares what it does after an order event (in its defineArea `effects`):
 * `effects: { 'attribution.paid': orderEffect(ORDER_TOPICS.paid, (ctx, order) => attributeOrder(ctx, order)) }`.
 * The effect must be idempotent per order (the outbox may run it again after a crash).
 */
export function orderEffect(
  topic: Exclude<OrderTopic, 'order.refunded'>,
  run: (ctx: EffectContext, order: OrderDoc, event: OrderOutboxEvent) => Promise<unknown>,
): OutboxEffect<OrderEventPayload> {
  return {
    topics: [topic],
    run: async (ctx, event) => {
      await run(ctx, event.payload.order, event)
    },
  }
}

/**
 * An effect of `order.refunded`: gets the order as it was after the refund settled and the refund itself.
 * Idempotent per refund id (the event id is `order.refunded:<refundId>`).
 */
export function refundEffect(run: (ctx: EffectContext, order: OrderDoc, refund: RefundDoc, event: OrderOutboxEvent) => Promise<unknown>): OutboxEffect<OrderEventPayload> {
  return {
    topics: [ORDER_TOPICS.refunded],
    run: async (ctx, event) => {
      if (!event.payload.refund) throw new Error(`${event._id}: refunded event without its refund`)
      await run(ctx, event.payload.order, event.payload.refund, event)
    },
  }
}
