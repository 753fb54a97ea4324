import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import type { AccessLogEntry, RefusalReasonCode } from '../../contracts/access.contract'
import { ACCESS_COLLECTIONS, type AccessLogDoc } from './access.model'

/**
 * Every attempt, allowed or refused, leaves one entry. Allowed opens are written BEFORE the door is
 * told to open and turned into a refusal if the gateway fails, so no door ever opens unlogged.
 * Entries carry ids and codes only: no names or phone numbers.
 */
export async function recordAttempt(db: Db, entry: Omit<AccessLogDoc, '_id'>): Promise<string> {
  const res = must(await db.collection(ACCESS_COLLECTIONS.logs).add(entry)) as { id?: string; _id?: string }
  return String(res.id ?? res._id)
}

export async function markRefused(db: Db, logId: string, reason: RefusalReasonCode): Promise<void> {
  must(await db.collection(ACCESS_COLLECTIONS.logs).doc(logId).update({ result: 'refused', reason }))
}

export async function listAttempts(db: Db, where: { openid: string } | { communityId: string; result?: 'allowed' | 'refused' }, page: { offset: number; limit: number }) {
  const res = must(
    await db
      .collection(ACCESS_COLLECTIONS.logs)
      .where(where)
      .orderBy('at', 'desc')
      .skip(page.offset)
      .limit(page.limit + 1)
      .get(),
  )
  const docs = res.data as (AccessLogDoc & { _id: string })[]
  return { items: docs.slice(0, page.limit).map(toEntry), hasMore: docs.length > page.limit }
}

function toEntry(d: AccessLogDoc & { _id: string }): AccessLogEntry {
  return {
    id: d._id,
    at: new Date(d.at).toISOString(),
    doorId: d.doorId,
    doorName: d.doorName,
    channel: d.channel,
    subject: d.subject,
    householdId: d.householdId,
    visitorPassId: d.visitorPassId,
    result: d.result,
    reason: d.reason,
  }
}
