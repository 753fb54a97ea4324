import type { Platform } from '../kernel/platform'
import { collectionOf } from '../kernel/collection'
import { must } from '../kernel/db-result'
import { EVENT_COLLECTIONS, signupIdOf, waitingOf, type EventDoc, type SignupDoc } from './event.model'
import { tellHousehold } from './event-notice'

const eventsIn = (platform: Platform) => collectionOf<EventDoc>(platform.db, EVENT_COLLECTIONS.events)
/** Each round either promotes one household or learns that another writer changed the event; bounded anyway. */
const MAX_ROUNDS = 2100

/**
 * Fills free places from the waitlist, first come first served. Each promotion is ONE conditional update:
 * the event is open, has not started, still has the limit we read, a free place, and the household we
 * read at the head of the queue — then it moves from `waiting` to `holders` and is recorded in
 * `promotions`. Under any concurrency (parallel cancels, limit edits, joins) a household is promoted once,
 * a place is never given twice, and the queue's order is kept: whoever loses the race re-reads and looks
 * again. The sign-up document and the notice follow in finishPromotions (also run by the timer).
 */
export async function promoteWaiting(platform: Platform, eventId: string): Promise<number> {
  const _ = platform.db.command
  let promoted = 0
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const e = await eventsIn(platform).byId(eventId)
    if (!e || e.status !== 'open' || platform.clock.now().getTime() >= new Date(e.startsAt).getTime()) break
    const head = waitingOf(e)[0]
    if (!head || e.signedUp >= e.signupLimit) break
    const now = platform.clock.now()
    const res = must(
      await eventsIn(platform)
        .ref.where({ _id: eventId, status: 'open', signupLimit: e.signupLimit, signedUp: _.lt(e.signupLimit), 'waiting.0': head, holders: _.neq(head) })
        .update({ signedUp: _.inc(1), holders: _.push([head]), waiting: _.pull(head), promotions: _.push([`${head}@${now.getTime()}`]), updatedAt: now }),
    )
    if (Number(res.updated ?? 0) === 1) promoted += 1
  }
  await finishPromotions(platform, eventId)
  return promoted
}

/**
 * Writes the promoted household's sign-up and tells the member who joined the waitlist, then clears the
 * promotion. Every step is idempotent (set by id; the notice keyed by the promotion), so a crash anywhere
 * is finished by the next call or the timer without a second card.
 */
export async function finishPromotions(platform: Platform, eventId: string): Promise<void> {
  const e = await eventsIn(platform).byId(eventId)
  if (!e) return
  for (const entry of e.promotions ?? []) {
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
