import type { z } from 'zod'
import type { editEventInput } from '../../contracts/events.contract'
import type { ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { must } from '../kernel/db-result'
import { collectionOf } from '../kernel/collection'
import { EVENT_COLLECTIONS, signupIdOf, waitingOf, type EventDoc, type SignupDoc } from './event.model'
import { eventsOf, leadEvent, loadEvent } from './event-scope'
import { promoteWaiting } from './waitlist.service'
import { tellHousehold } from './event-notice'
import { eventFieldsFrom } from './event-fields'

type EditInput = z.infer<typeof editEventInput>

/** What signed-up households are told changed (a title or text edit is not worth a card). */
function changedForResidents(before: EventDoc, input: EditInput): string | null {
  const what: string[] = []
  if (new Date(before.startsAt).getTime() !== Date.parse(input.startsAt) || new Date(before.endsAt).getTime() !== Date.parse(input.endsAt)) what.push('时间')
  if (before.venue !== input.venue) what.push('地点')
  return what.length ? what.join('和') : null
}

/**
 * 编辑活动 (its community's stewards and ops), before it starts. The new limit is written by one conditional
 * update that also requires `signedUp ≤ new limit`, so no parallel sign-up can slip in between a check and
 * the write; a higher limit then promotes the waitlist in order. A changed time or place is told to every
 * signed-up household (once per edit).
 */
export async function editEvent(ctx: ActionContext, input: EditInput) {
  const { event } = await leadEvent(ctx, input.eventId)
  if (event.status === 'cancelled') throw new DomainError('EVENT.CANCELLED')
  const now = ctx.now()
  if (now.getTime() >= new Date(event.startsAt).getTime()) throw new DomainError('EVENT.STARTED')
  if (Date.parse(input.startsAt) <= now.getTime()) throw new DomainError('EVENT.WINDOW_INVALID', '开始时间已过，请重新选择时间')
  if (input.signupLimit < event.signedUp) throw new DomainError('EVENT.LIMIT_BELOW_SIGNED', `已有 ${event.signedUp} 户报名，名额不能少于 ${event.signedUp}`)
  const _ = ctx.platform.db.command
  const res = must(
    await eventsOf(ctx)
      .ref.where({ _id: event._id, status: 'open', signedUp: _.lte(input.signupLimit) })
      .update({ ...eventFieldsFrom(input), updatedAt: now }),
  )
  if (Number(res.updated ?? 0) !== 1) {
    // Nothing updated: refused by the condition, or the same values saved again (nothing to modify).
    const fresh = await loadEvent(ctx, event._id)
    if (fresh.status === 'cancelled') throw new DomainError('EVENT.CANCELLED')
    if (fresh.signedUp > input.signupLimit) throw new DomainError('EVENT.LIMIT_BELOW_SIGNED', `已有 ${fresh.signedUp} 户报名，名额不能少于 ${fresh.signedUp}`)
  }
  ctx.platform.logger.info('events.edited', { eventId: event._id, signupLimit: input.signupLimit })
  const promoted = input.signupLimit > event.signupLimit ? await promoteWaiting(ctx.platform, event._id) : 0
  const after = await loadEvent(ctx, event._id)
  const what = changedForResidents(event, input)
  if (what) {
    const signups = collectionOf<SignupDoc>(ctx.platform.db, EVENT_COLLECTIONS.signups)
    for (const householdId of after.holders) {
      const s = await signups.byId(signupIdOf(event._id, householdId))
      if (s) await tellHousehold(ctx.platform, after, s.openid, { kind: 'changed', what }, `event-changed-${s._id}-${now.getTime()}`)
    }
  }
  return { eventId: event._id, signupLimit: after.signupLimit, signedUp: after.signedUp, waiting: waitingOf(after).length, promoted }
}
