import type { Platform } from './platform'

/**
 * The durable outbox's shapes (the store and the processor are the `outbox` area, core/outbox/).
 *
 * A money transaction writes one event document next to what it changes; everything downstream of that
 * fact (rollups, attribution, commission, group activity, notifications) is an *effect* some area declares
 * in its defineArea. Effects run after commit — right away, and again from a timer for anything a crash or
 * a failure left behind — so they never make the money transaction conflict or fail.
 */
export interface OutboxEvent<P = unknown> {
  /** The event id, e.g. `order.paid:<orderId>`: one event per fact, so writing it twice is a duplicate key. */
  _id: string
  /** What happened, e.g. `order.paid`; effects subscribe to topics. */
  topic: string
  /** The document the fact is about (an order id…), for logs and lookups. */
  subjectId: string
  /** What the effects need, captured at commit (for order topics, the order as committed). */
  payload: P
  /** `pending` until every subscribed effect has succeeded once. */
  state: 'pending' | 'done'
  /** Effects already applied for this event (a re-run skips them). */
  done: string[]
  /** Failed rounds so far; the timer backs off on them. */
  attempts: number
  /** The timer does not touch the event before this instant (a grace period for the inline run, then back-off). */
  nextAt: Date
  lastError: string | null
  createdAt: Date
  doneAt: Date | null
}

/** What an effect may use: the platform (db, clock, logger, ports) and the current time. */
export interface EffectContext {
  platform: Platform
  now(): Date
}

/**
 * One downstream effect, declared by an area (`effects: { 'attribution.paid': … }` in defineArea).
 *
 * IDEMPOTENT PER EVENT ID, by its own conditional write or transaction: the outbox records an effect as
 * done only after it returned, so a crash between the effect's last write and that record runs it again.
 */
export interface OutboxEffect<P = unknown> {
  readonly topics: readonly string[]
  run(ctx: EffectContext, event: OutboxEvent<P>): Promise<void>
}
