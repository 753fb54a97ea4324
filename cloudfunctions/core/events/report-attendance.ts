import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { DEFAULT_INTERACTION_WEIGHT, recordInteraction } from '../profiles'
import { EVENT_COLLECTIONS, type EventDoc, type SignupDoc } from './event.model'

/**
 * How much a visit says about interest: the profile's weight for attendance, scaled by the hours stayed
 * (half for a quick look, at most one and a half for a long stay), so a 10-minute visit counts less than an
 * afternoon at a 服务体验会.
 */
export function attendanceWeight(dwellMinutes: number | null): number {
  const factor = Math.min(1.5, Math.max(0.5, (dwellMinutes ?? 0) / 60))
  return Math.round(DEFAULT_INTERACTION_WEIGHT.event_attendance * factor * 100) / 100
}

/**
 * The one place attendance leaves this area: a finished visit (checked in and out) is told to the resident
 * profile as an `event_attendance` interaction. At most once per sign-up in effect: the profile call is
 * keyed by the sign-up id, and `report` moves pending → done only after it returned, so a crash in between
 * is finished by the `reportPending` timer and a repeat is absorbed by the key.
 */
export async function reportAttendance(platform: Platform, event: Pick<EventDoc, '_id' | 'communityId' | 'category' | 'kind' | 'title'>, signup: SignupDoc): Promise<boolean> {
  if (!signup.checkInAt || !signup.checkOutAt) return false
  try {
    await recordInteraction(platform, {
      householdId: signup.householdId,
      communityId: event.communityId,
      kind: 'event_attendance',
      category: event.category,
      itemId: null,
      at: new Date(signup.checkInAt),
      weight: attendanceWeight(signup.dwellMinutes),
      // One interaction per sign-up: a repeat (retry, timer) is recognised by the profile and changes nothing.
      sourceId: signup._id,
    })
    must(await platform.db.collection(EVENT_COLLECTIONS.signups).where({ _id: signup._id, report: 'pending' }).update({ report: 'done' }))
    return true
  } catch (e) {
    platform.logger.warn('events.attendance_report_failed', { eventId: event._id, errorMessage: (e as Error).message })
    return false
  }
}

/** Timer: finishes reports a crash or a failed profile call left pending (bounded batch, resumable). */
export async function reportPending(platform: Platform): Promise<{ reported: number; failed: number }> {
  const db = platform.db
  const rows = must(await db.collection(EVENT_COLLECTIONS.signups).where({ report: 'pending' }).limit(200).get()).data as SignupDoc[]
  if (rows.length === 0) return { reported: 0, failed: 0 }
  const eventIds = [...new Set(rows.map((r) => r.eventId))]
  const events = must(await db.collection(EVENT_COLLECTIONS.events).where({ _id: db.command.in(eventIds) }).field({ holders: false }).limit(200).get()).data as EventDoc[]
  const byId = new Map(events.map((e) => [e._id, e]))
  let reported = 0
  let failed = 0
  for (const row of rows) {
    const event = byId.get(row.eventId)
    if (event && (await reportAttendance(platform, event, row))) reported += 1
    else failed += 1
  }
  return { reported, failed }
}

/** Replay memory is worthless once a day old (no code lives longer than 40 s). */
export async function purgeCodeUses(platform: Platform, now: Date): Promise<number> {
  const res = must(await platform.db.collection(EVENT_COLLECTIONS.codeUses).where({ expireAt: platform.db.command.lt(now) }).remove())
  return Number(res.deleted ?? 0)
}
