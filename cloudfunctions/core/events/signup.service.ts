import type { ActionContext } from '../kernel/action-context'
import { userOpenid } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { collectionOf } from '../kernel/collection'
import { must } from '../kernel/db-result'
import { COLLECTIONS, type HouseholdDoc } from '../households'
import { EVENT_COLLECTIONS, signupIdOf, type EventDoc, type SignupDoc } from './event.model'
import { eventCard } from './event-view'
import { eventsOf, loadEvent, memberHousehold } from './event-scope'

const signupsOf = (ctx: ActionContext) => collectionOf<SignupDoc>(ctx.platform.db, EVENT_COLLECTIONS.signups)
/** Ended events stay on the resident's list this long (to see their dwell time and what comes next). */
const RECENT_MS = 7 * 24 * 3600_000

const inScope = (event: EventDoc, buildingId: string) => event.buildingIds.length === 0 || event.buildingIds.includes(buildingId)

/** The resident's event list: their community's events open to their building, from a week ago on. */
export async function listForResident(ctx: ActionContext, householdId?: string) {
  const access = await ctx.access()
  const m = householdId ? access.memberships.find((x) => x.householdId === householdId) : access.memberships[0]
  if (!m) throw new DomainError('AUTH.FORBIDDEN')
  const _ = ctx.platform.db.command
  const now = ctx.now()
  const events = must(
    await eventsOf(ctx)
      .ref.where({ communityId: m.communityId, endsAt: _.gte(new Date(now.getTime() - RECENT_MS)), status: 'open' })
      .orderBy('startsAt', 'asc')
      .field({ holders: false })
      .limit(100)
      .get(),
  ).data as EventDoc[]
  const visible = events.filter((e) => inScope(e, m.buildingId))
  const mine = visible.length
    ? (must(await signupsOf(ctx).ref.where({ _id: _.in(visible.map((e) => signupIdOf(e._id, m.householdId))) }).limit(100).get()).data as SignupDoc[])
    : []
  const byEvent = new Map(mine.map((s) => [s.eventId, s]))
  // Upcoming and live first (soonest first), ended ones after them.
  const cards = visible.map((e) => eventCard(e, byEvent.get(e._id) ?? null, m.householdId, now))
  const rank = (p: string) => (p === 'live' ? 0 : p === 'upcoming' ? 1 : 2)
  return { events: cards.sort((a, b) => rank(a.phase) - rank(b.phase)) }
}

export async function eventDetail(ctx: ActionContext, eventId: string, householdId?: string) {
  const access = await ctx.access()
  const event = await loadEvent(ctx, eventId)
  const m = access.memberships.find((x) => x.communityId === event.communityId && (!householdId || x.householdId === householdId))
  const staff = access.staff.some((s) => s.communityId === event.communityId)
  if (!staff && (!m || !inScope(event, m.buildingId))) throw new DomainError('EVENT.NOT_FOUND')
  const signup = m ? await signupsOf(ctx).byId(signupIdOf(eventId, m.householdId)) : null
  return eventCard(event, signup, m?.householdId ?? null, ctx.now())
}

/**
 * 报名. The limit is held by one conditional update on the event (`signedUp < limit` and the household not
 * yet among `holders`), so parallel sign-ups can never oversell and a retried one never takes two places.
 * The sign-up document follows; if it is lost to a crash the next attempt finds the place held and writes it.
 */
export async function signUp(ctx: ActionContext, eventId: string, householdId?: string) {
  const openid = userOpenid(ctx)
  const access = await ctx.access()
  const event = await loadEvent(ctx, eventId)
  const m = memberHousehold(access, event.communityId, householdId)
  if (!inScope(event, m.buildingId)) throw new DomainError('EVENT.NOT_ELIGIBLE')
  if (event.status === 'cancelled') throw new DomainError('EVENT.CANCELLED')
  const now = ctx.now()
  if (now.getTime() >= new Date(event.startsAt).getTime()) throw new DomainError('EVENT.SIGNUP_CLOSED')
  const db = ctx.platform.db
  const _ = db.command
  if (!event.holders.includes(m.householdId)) {
    const res = must(
      await eventsOf(ctx)
        .ref.where({ _id: eventId, status: 'open', signedUp: _.lt(event.signupLimit), holders: _.neq(m.householdId) })
        .update({ signedUp: _.inc(1), holders: _.push([m.householdId]), updatedAt: now }),
    )
    if (Number(res.updated ?? 0) !== 1) {
      const fresh = await loadEvent(ctx, eventId)
      if (!fresh.holders.includes(m.householdId)) throw new DomainError(fresh.status === 'cancelled' ? 'EVENT.CANCELLED' : 'EVENT.FULL')
    }
  }
  const existing = await signupsOf(ctx).byId(signupIdOf(eventId, m.householdId))
  const household = await collectionOf<HouseholdDoc>(db, COLLECTIONS.households).byId(m.householdId)
  const signup: SignupDoc = {
    _id: signupIdOf(eventId, m.householdId),
    eventId,
    communityId: event.communityId,
    householdId: m.householdId,
    buildingId: m.buildingId,
    householdLabel: household ? `${household.building}${household.unit}${household.room}` : m.householdId,
    openid,
    status: 'signed',
    signedAt: existing?.status === 'signed' ? existing.signedAt : now,
    checkInAt: existing?.checkInAt ?? null,
    checkOutAt: existing?.checkOutAt ?? null,
    dwellMinutes: existing?.dwellMinutes ?? null,
    checkInDate: existing?.checkInDate ?? null,
    report: existing?.report ?? 'none',
    updatedAt: now,
  }
  const { _id, ...doc } = signup
  must(await db.collection(EVENT_COLLECTIONS.signups).doc(_id).set(doc))
  return eventCard(await loadEvent(ctx, eventId), signup, m.householdId, now)
}

/** 取消报名 before the event starts; the place goes back in the same atomic update that removes the holder. */
export async function cancelSignup(ctx: ActionContext, eventId: string, householdId?: string) {
  const access = await ctx.access()
  const event = await loadEvent(ctx, eventId)
  const m = memberHousehold(access, event.communityId, householdId)
  const id = signupIdOf(eventId, m.householdId)
  const signup = await signupsOf(ctx).byId(id)
  // A cancel that stopped between its two writes (document cancelled, place still held) is finished here.
  const holds = event.holders.includes(m.householdId)
  if (!signup || (signup.status !== 'signed' && !holds)) throw new DomainError('EVENT.NOT_SIGNED_UP')
  if (signup.checkInAt) throw new DomainError('EVENT.ALREADY_CHECKED_IN', '已签到，不能取消报名')
  const now = ctx.now()
  if (now.getTime() >= new Date(event.startsAt).getTime()) throw new DomainError('EVENT.SIGNUP_CLOSED', '活动已开始，不能取消报名')
  const db = ctx.platform.db
  const _ = db.command
  if (signup.status === 'signed') must(await db.collection(EVENT_COLLECTIONS.signups).doc(id).update({ status: 'cancelled', updatedAt: now }))
  must(await eventsOf(ctx).ref.where({ _id: eventId, holders: m.householdId }).update({ signedUp: _.inc(-1), holders: _.pull(m.householdId), updatedAt: now }))
  return eventCard(await loadEvent(ctx, eventId), { ...signup, status: 'cancelled', updatedAt: now }, m.householdId, now)
}
