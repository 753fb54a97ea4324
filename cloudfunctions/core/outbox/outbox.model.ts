import { defineIndexes } from '../kernel/indexes'

export const OUTBOX_COLLECTIONS = { events: 'outbox_events' } as const

/** The timer leaves a fresh event alone this long: the inline run right after commit normally finishes it. */
export const INLINE_GRACE_MS = 60_000
/** A timer run claims an event for this long, so two overlapping runs do not work on the same event. */
export const LEASE_MS = 60_000
/** Back-off after a failed round: 30 s, 1 min, 2 min… capped at an hour (WeChat-style patience, no hot loop). */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000)
}

export const OUTBOX_INDEXES = defineIndexes({ collection: OUTBOX_COLLECTIONS.events, fields: ['state', 'nextAt'] })
