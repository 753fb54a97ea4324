import type { ActionContext } from '../kernel/action-context'
import type { Platform } from '../kernel/platform'
import { DomainError } from '../kernel/domain-error'
import { must } from '../kernel/db-result'
import { collectionOf } from '../kernel/collection'
import { EVENT_COLLECTIONS, signupIdOf, waitingOf, type EventDoc, type SignupDoc } from './event.model'
import { eventsOf, leadEvent, loadEvent } from './event-scope'
import { tellHousehold } from './event-notice'

/**
 * 取消活动 by its organisers, before it starts. One conditional update (open → cancelled, cancelState
 * pending) decides it, so sign-ups stop at once and two organisers cancelling together cancel once; then
 * finishCancel tells every household and releases the places. A retried cancel only finishes that work.
 */
export async function cancelEvent(ctx: ActionContext, eventId: string, reason: string) {
  const { event } = await leadEvent(ctx, eventId)
  const now = ctx.now()
  if (event.status === 'open') {
    if (now.getTime() >= new Date(event.startsAt).getTime()) throw new DomainError('EVENT.STARTED')
    const res = must(await eventsOf(ctx).ref.where({ _id: eventId, status: 'open' }).update({ status: 'cancelled', cancelState: 'pending', cancelledAt: now, cancelReason: reason, updatedAt: now }))
    // Nothing changed: another organiser cancelled first (fine), or the write was lost. Never answer
    // success for an event that is still open: the caller's retry must get to cancel it.
    if (Number(res.updated ?? 0) !== 1 && (await loadEvent(ctx, eventId)).status !== 'cancelled') throw new DomainError('CONFLICT')
  }
  const notified = await finishCancel(ctx.platform, eventId)
  ctx.platform.logger.info('events.cancelled', { eventId, notified })
  return { eventId, status: (await loadEvent(ctx, eventId)).status, notified }
}

/**
 * For a cancelled event whose households were not all told yet: each signed-up or waiting household's
 * sign-up becomes cancelled (by the event) and its member is told once (keyed per sign-up); then the
 * places and the queue are released in one update. Idempotent, so the timer finishes a crashed cancel.
 */
export async function finishCancel(platform: Platform, eventId: string): Promise<number> {
  const event = await collectionOf<EventDoc>(platform.db, EVENT_COLLECTIONS.events).byId(eventId)
  if (!event || event.status !== 'cancelled' || event.cancelState !== 'pending') return 0
  const signups = collectionOf<SignupDoc>(platform.db, EVENT_COLLECTIONS.signups)
  let told = 0
  for (const householdId of [...event.holders, ...waitingOf(event)]) {
    const id = signupIdOf(eventId, householdId)
    const s = await signups.byId(id)
    if (!s) continue
    if (s.status !== 'cancelled') must(await platform.db.collection(EVENT_COLLECTIONS.signups).doc(id).update({ status: 'cancelled', cancelledBy: 'event', updatedAt: platform.clock.now() }))
    await tellHousehold(platform, event, s.openid, { kind: 'cancelled', reason: event.cancelReason ?? '主办方取消' }, `event-cancelled-${id}`)
    told += 1
  }
  must(
    await platform.db
      .collection(EVENT_COLLECTIONS.events)
      .where({ _id: eventId, cancelState: 'pending' })
      .update({ cancelState: 'done', signedUp: 0, holders: [], waiting: [], promotions: [], releasedHouseholds: told, updatedAt: platform.clock.now() }),
  )
  return told
}
