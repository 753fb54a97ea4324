import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { EVENT_COLLECTIONS, type EventDoc } from './event.model'
import { finishCancel } from './event-cancel.service'
import { finishPromotions, promoteWaiting } from './waitlist.service'

const BATCH = 50

/**
 * Timer sweep (with reportAttendance, every 5 min): finishes what a crash left half done — cancels whose
 * households were not all told, promotions without their sign-up or notice, and free places next to a
 * waitlist (a cancel that stopped before promoting). Each step is idempotent, so running it again is harmless.
 */
export async function finishEventFollowUps(platform: Platform): Promise<{ cancels: number; promotions: number }> {
  const db = platform.db
  const _ = db.command
  const pick = { _id: true, signedUp: true, signupLimit: true, startsAt: true } as const
  const cancels = must(await db.collection(EVENT_COLLECTIONS.events).where({ cancelState: 'pending' }).field({ _id: true }).limit(BATCH).get()).data as Pick<EventDoc, '_id'>[]
  for (const e of cancels) await finishCancel(platform, e._id)
  const unfinished = must(await db.collection(EVENT_COLLECTIONS.events).where({ 'promotions.0': _.exists(true) }).field({ _id: true }).limit(BATCH).get()).data as Pick<EventDoc, '_id'>[]
  for (const e of unfinished) await finishPromotions(platform, e._id)
  const queues = must(
    await db.collection(EVENT_COLLECTIONS.events).where({ status: 'open', 'waiting.0': _.exists(true), startsAt: _.gt(platform.clock.now()) }).field(pick).limit(BATCH).get(),
  ).data as Pick<EventDoc, '_id' | 'signedUp' | 'signupLimit'>[]
  let promotions = 0
  for (const e of queues) if (e.signedUp < e.signupLimit) promotions += await promoteWaiting(platform, e._id)
  return { cancels: cancels.length, promotions }
}
