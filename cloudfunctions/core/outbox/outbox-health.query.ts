import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import type { OutboxEvent } from '../kernel/outbox'
import { OUTBOX_COLLECTIONS } from './outbox.model'

/** An event still pending after this long is stuck: the inline run and at least one timer round missed it. */
const STUCK_AFTER_MS = 10 * 60_000
const LOOK_AT = 100

export interface OutboxHealth {
  /** Follow-up work still waiting: effects of paid/fulfilled/refunded orders, repair and group facts (capped at 100: beyond that the number is "100+"). */
  pending: number
  /** Of those, waiting longer than 10 minutes or failed at least once: someone should read the logs. */
  stuck: number
  /** Age of the oldest waiting event, in whole minutes (null when nothing waits). */
  oldestMinutes: number | null
}

/**
 * The ops workbench's view of the outbox for one community: normally nothing waits (effects run right
 * after each commit). One indexed read of at most 100 events.
 */
export async function outboxHealth(db: Db, communityId: string, now: Date): Promise<OutboxHealth> {
  const rows = must(
    await db
      .collection(OUTBOX_COLLECTIONS.events)
      .where({ communityId, state: 'pending' })
      .orderBy('createdAt', 'asc')
      .limit(LOOK_AT)
      .field({ createdAt: true, attempts: true })
      .get(),
  ).data as Pick<OutboxEvent, 'createdAt' | 'attempts'>[]
  const ageMs = (e: Pick<OutboxEvent, 'createdAt'>) => now.getTime() - new Date(e.createdAt).getTime()
  return {
    pending: rows.length,
    stuck: rows.filter((e) => e.attempts > 0 || ageMs(e) > STUCK_AFTER_MS).length,
    oldestMinutes: rows.length ? Math.max(0, Math.floor(ageMs(rows[0]) / 60_000)) : null,
  }
}
