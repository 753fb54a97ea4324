import { defineArea } from '../kernel/area'
import { OUTBOX_COLLECTIONS, OUTBOX_INDEXES } from './outbox.model'

/**
 * The durable outbox: events written inside money transactions, and the processor that runs every
 * area's declared effects after commit (right away, and from the orders.processOutbox timer).
 */
export const outboxArea = defineArea({
  name: 'outbox',
  collections: Object.values(OUTBOX_COLLECTIONS),
  indexes: OUTBOX_INDEXES,
  errors: {},
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { OUTBOX_COLLECTIONS } from './outbox.model'
export { claimEffectInTx, emitAlone, emitInTx, newOutboxEvent, outboxEventId } from './outbox-write'
export { drainOutbox, pendingOutboxEvents, processAfterCommit, processOutboxEvent } from './outbox-process'
export type { DrainSummary, ProcessOutcome } from './outbox-process'
export { outboxHealth } from './outbox-health.query'
export type { OutboxHealth } from './outbox-health.query'
