import type { Db } from '@cloudbase/database'
import { isDuplicateKey, must } from '../kernel/db-result'
import type { OutboxEvent } from '../kernel/outbox'
import { txGet, txWrite, type Tx } from '../kernel/transaction'
import { INLINE_GRACE_MS, OUTBOX_COLLECTIONS } from './outbox.model'

/** The event id of a fact: one per (topic, subject), so the same fact can never be recorded twice. */
export const outboxEventId = (topic: string, subjectId: string) => `${topic}:${subjectId}`

export function newOutboxEvent<P>(topic: string, subjectId: string, payload: P, now: Date, communityId: string | null = null): OutboxEvent<P> {
  return {
    _id: outboxEventId(topic, subjectId),
    topic,
    subjectId,
    communityId,
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

/**
 * Records an event that is a fact on its own (nothing else changes with it, e.g. a card opened by a
 * member): the insert is the one write, so the event and the fact cannot part. False when the same event
 * id exists: the fact was recorded before (a retry of the same request), nothing is written.
 */
export async function emitAlone(db: Db, event: OutboxEvent): Promise<boolean> {
  try {
    must(await db.collection(OUTBOX_COLLECTIONS.events).add(event))
    return true
  } catch (e) {
    if (isDuplicateKey(e)) return false
    throw e
  }
}

/**
 * For an effect whose writes are not idempotent by themselves (an increment on a document many writers
 * share): call it inside the effect's own transaction, next to those writes. It marks the effect done on
 * the event in that transaction, so the writes and the mark commit together; false when the effect is
 * already marked (a replay after a crash before the outbox's own record): write nothing then.
 */
export async function claimEffectInTx(t: Tx, eventId: string, effect: string): Promise<boolean> {
  const event = await txGet<OutboxEvent>(t, OUTBOX_COLLECTIONS.events, eventId)
  if (!event || event.done.includes(effect)) return false
  await txWrite(t.collection(OUTBOX_COLLECTIONS.events).doc(eventId).update({ done: [...event.done, effect] }))
  return true
}
