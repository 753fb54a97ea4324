import type { OutboxEvent } from '../kernel/outbox'
import { txWrite, type Tx } from '../kernel/transaction'
import { INLINE_GRACE_MS, OUTBOX_COLLECTIONS } from './outbox.model'

/** The event id of a fact: one per (topic, subject), so the same fact can never be recorded twice. */
export const outboxEventId = (topic: string, subjectId: string) => `${topic}:${subjectId}`

export function newOutboxEvent<P>(topic: string, subjectId: string, payload: P, now: Date): OutboxEvent<P> {
  return {
    _id: outboxEventId(topic, subjectId),
    topic,
    subjectId,
    payload,
    state: 'pending',
    done: [],
    attempts: 0,
    nextAt: new Date(now.getTime() + INLINE_GRACE_MS),
    lastError: null,
    createdAt: now,
    doneAt: null,
  }
}

/**
 * Records the event INSIDE the caller's transaction, next to the change it describes: both commit or
 * neither does. One insert; a second commit of the same fact fails on the duplicate id (and rolls back).
 */
export async function emitInTx(t: Tx, event: OutboxEvent): Promise<void> {
  await txWrite(t.collection(OUTBOX_COLLECTIONS.events).add(event))
}
