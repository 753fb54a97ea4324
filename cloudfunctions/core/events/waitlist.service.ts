import type { Platform } from '../kernel/platform'
import { collectionOf } from '../kernel/collection'
import { must } from '../kernel/db-result'
import { EVENT_COLLECTIONS, signupIdOf, waitingOf, type EventDoc, type SignupDoc } from './event.model'
import { tellHousehold } from './event-notice'

const eventsIn = (platform: Platform) => collectionOf<EventDoc>(platform.db, EVENT_COLLECTIONS.events)
/** Each round either promotes or learns that another writer changed the event; bounded anyway. */
const MAX_ROUNDS = 500

/** At most this many households move in one update (a limit raised by hundreds fills in a few rounds). */
const BATCH = 20

/**
 * Fills free places from the waitlist, first come first served. Each round is ONE conditional update that
 * moves the queue's first k households (k = free places, at most 20) from `waiting` to `holders` and records
 * them in `promotions` — only if the event is open, not started, and exactly as we read it: the same limit,
 * the same number of holders, and the same first k of the queue, index by index. Under any concurrency
 * (parallel cancels, limit edits, joins, leaves) a household is promoted once, a place is never given
 * twice, and the queue's order is kept; a writer that loses re-reads, and usually finds the places already
 * filled (the winner filled them all), so parallel cancellations do not fight over each place in turn.
 * The sign-up documents and notices follow in finishPromotions (also run by the timer).
 */
export async function promoteWaiting(platform: Platform, eventId: string): Promise<number> {
  const _ = platform.db.command
  const mine: string[] = []
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const e = await eventsIn(platform).byId(eventId)
    if (!e || e.status !== 'open' || platform.clock.now().getTime() >= new Date(e.startsAt).getTime()) break
    const heads = waitingOf(e).slice(0, Math.min(BATCH, e.signupLimit - e.signedUp))
    if (heads.length === 0) break
    const now = platform.clock.now()
    const prefix = Object.fromEntries(heads.map((h, i) => [`waiting.${i}`, h]))
    const entries = heads.map((h) => `${h}@${now.getTime()}`)
    const res = must(
      await eventsIn(platform)
        .ref.where({ _id: eventId, status: 'open', signupLimit: e.signupLimit, signedUp: e.signedUp, holders: _.nin(heads), ...prefix })
        .update({ signedUp: _.inc(heads.length), holders: _.push(heads), waiting: _.pullAll(heads), promotions: _.push(entries), updatedAt: now }),
    )
    if (Number(res.updated ?? 0) === 1) mine.push(...entries)
  }
  // Each promoter finishes its own promotions (parallel promoters do not all redo each other's); the
  // timer finishes whatever a crash left.
  if (mine.length) await finishPromotions(platform, eventId, mine)
  return mine.length
}

/**
 * Writes the promoted household's sign-up and tells the member who joined the waitlist, then clears the
 * promotion. Every step is idempotent (set by id; the notice keyed by the promotion), so a crash anywhere
 * is finished by the next call or the timer without a second card.
 */
export async function finishPromotions(platform: Platform, eventId: string, only?: string[]): Promise<void> {
  const e = await eventsIn(platform).byId(eventId)
  if (!e) return
  for (const entry of (e.promotions ?? []).filter((x) => !only || only.includes(x))) {
    const [householdId, ms] = entry.split('@')
    const at = new Date(Number(ms))
    const id = signupIdOf(eventId, householdId)
    const signup = await collectionOf<SignupDoc>(platform.db, EVENT_COLLECTIONS.signups).byId(id)
    // The waitlist's own document is written before the household joins the queue, so it names who to tell.
    if (signup && e.holders.includes(householdId)) {
      if (signup.status !== 'signed') must(await platform.db.collection(EVENT_COLLECTIONS.signups).doc(id).update({ status: 'signed', signedAt: at, promotedAt: at, updatedAt: platform.clock.now() }))
      if (e.status === 'open') await tellHousehold(platform, e, signup.openid, { kind: 'promoted' }, `event-promoted-${id}-${ms}`)
    } else platform.logger.warn('events.promotion_without_signup', { eventId })
    must(await eventsIn(platform).ref.where({ _id: eventId }).update({ promotions: platform.db.command.pull(entry) }))
  }
}
