import type { ActionContext } from '../kernel/action-context'
import { userOpenid } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { collectionOf } from '../kernel/collection'
import { must } from '../kernel/db-result'
import { COLLECTIONS, type HouseholdDoc } from '../households'
import { EVENT_COLLECTIONS, signupIdOf, waitingOf, type EventDoc, type SignupDoc } from './event.model'
import { eventCard } from './event-view'
import { eventsOf, loadEvent, memberHousehold } from './event-scope'
import { promoteWaiting } from './waitlist.service'

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

type Member = ReturnType<typeof memberHousehold>

/** Who may still join: the event open, not started, the household's building in scope. */
async function joinable(ctx: ActionContext, eventId: string, householdId?: string) {
  const access = await ctx.access()
  const event = await loadEvent(ctx, eventId)
  const m = memberHousehold(access, event.communityId, householdId)
  if (!inScope(event, m.buildingId)) throw new DomainError('EVENT.NOT_ELIGIBLE')
  if (event.status === 'cancelled') throw new DomainError('EVENT.CANCELLED')
  if (ctx.now().getTime() >= new Date(event.startsAt).getTime()) throw new DomainError('EVENT.SIGNUP_CLOSED')
  return { event, m }
}

async function householdLabelOf(ctx: ActionContext, m: Member) {
  const household = await collectionOf<HouseholdDoc>(ctx.platform.db, COLLECTIONS.households).byId(m.householdId)
  return household ? `${household.building}${household.unit}${household.room}` : m.householdId
}

/**
 * Takes a place by one conditional update on the event: the limit we read is still the limit, a place is
 * free, nobody is waiting (a new sign-up never jumps the queue), and the household holds none yet. So
 * parallel sign-ups never oversell, a limit edit in between is respected, and a retry never takes two.
 */
async function takePlace(ctx: ActionContext, event: EventDoc, householdId: string): Promise<boolean> {
  const _ = ctx.platform.db.command
  const res = must(
    await eventsOf(ctx)
      .ref.where({ _id: event._id, status: 'open', signupLimit: event.signupLimit, signedUp: _.lt(event.signupLimit), 'waiting.0': _.exists(false), holders: _.neq(householdId) })
      .update({ signedUp: _.inc(1), holders: _.push([householdId]), updatedAt: ctx.now() }),
  )
  return Number(res.updated ?? 0) === 1
}

async function writeSignup(ctx: ActionContext, event: EventDoc, m: Member, status: SignupDoc['status']): Promise<SignupDoc> {
  const now = ctx.now()
  const existing = await signupsOf(ctx).byId(signupIdOf(event._id, m.householdId))
  const keep = existing?.status === status
  const signup: SignupDoc = {
    _id: signupIdOf(event._id, m.householdId),
    eventId: event._id,
    communityId: event.communityId,
    householdId: m.householdId,
    buildingId: m.buildingId,
    householdLabel: await householdLabelOf(ctx, m),
    openid: userOpenid(ctx),
    status,
    signedAt: keep && existing ? existing.signedAt : now,
    waitingSince: status === 'waiting' ? (keep && existing?.waitingSince) || now : existing?.waitingSince ?? null,
    promotedAt: existing?.promotedAt ?? null,
    cancelledBy: null,
    checkInAt: existing?.checkInAt ?? null,
    checkOutAt: existing?.checkOutAt ?? null,
    dwellMinutes: existing?.dwellMinutes ?? null,
    checkInDate: existing?.checkInDate ?? null,
    report: existing?.report ?? 'none',
    updatedAt: now,
  }
  const { _id, ...doc } = signup
  must(await ctx.platform.db.collection(EVENT_COLLECTIONS.signups).doc(_id).set(doc))
  return signup
}

/**
 * 报名. The place is taken first (takePlace); the sign-up document follows, and if it is lost to a crash
 * the next attempt finds the place held and writes it. A full event answers EVENT.FULL (the page then
 * offers the waitlist), also while others wait for a place that has just been freed.
 */
export async function signUp(ctx: ActionContext, eventId: string, householdId?: string) {
  const { event, m } = await joinable(ctx, eventId, householdId)
  if (waitingOf(event).includes(m.householdId)) return eventCard(event, await signupsOf(ctx).byId(signupIdOf(eventId, m.householdId)), m.householdId, ctx.now())
  if (!event.holders.includes(m.householdId) && !(await takePlace(ctx, event, m.householdId))) {
    const fresh = await loadEvent(ctx, eventId)
    if (!fresh.holders.includes(m.householdId)) throw new DomainError(fresh.status === 'cancelled' ? 'EVENT.CANCELLED' : 'EVENT.FULL')
  }
  const signup = await writeSignup(ctx, event, m, 'signed')
  return eventCard(await loadEvent(ctx, eventId), signup, m.householdId, ctx.now())
}

/**
 * 加入候补. The sign-up document is written first (status waiting: it names the member to tell when a
 * place comes), then the household joins the queue by one conditional update — only while the event is
 * full at the limit we read and the household is neither holding nor waiting — so the queue's order is
 * the order the database applied the joins. If a place is free meanwhile, the household simply takes it.
 */
export async function joinWaitlist(ctx: ActionContext, eventId: string, householdId?: string) {
  const { event, m } = await joinable(ctx, eventId, householdId)
  const _ = ctx.platform.db.command
  let e = event
  for (let round = 0; round < 20; round++) {
    if (e.holders.includes(m.householdId) || waitingOf(e).includes(m.householdId)) break
    if (e.signedUp < e.signupLimit && waitingOf(e).length === 0) {
      if (await takePlace(ctx, e, m.householdId)) {
        const signup = await writeSignup(ctx, e, m, 'signed')
        return eventCard(await loadEvent(ctx, eventId), signup, m.householdId, ctx.now())
      }
    } else {
      await writeSignup(ctx, e, m, 'waiting')
      const res = must(
        await eventsOf(ctx)
          .ref.where({ _id: eventId, status: 'open', signupLimit: e.signupLimit, signedUp: _.gte(e.signupLimit), holders: _.neq(m.householdId), waiting: _.neq(m.householdId) })
          .update({ waiting: _.push([m.householdId]), updatedAt: ctx.now() }),
      )
      if (Number(res.updated ?? 0) === 1) break
      // A free place next to a queue (a crashed promotion): fill it first, so the queue moves, then look again.
      if (e.signedUp < e.signupLimit) await promoteWaiting(ctx.platform, eventId)
    }
    e = await loadEvent(ctx, eventId)
    if (e.status === 'cancelled') throw new DomainError('EVENT.CANCELLED')
  }
  const fresh = await loadEvent(ctx, eventId)
  const signup = await signupsOf(ctx).byId(signupIdOf(eventId, m.householdId))
  if (fresh.holders.includes(m.householdId) && signup?.status !== 'signed') return eventCard(fresh, await writeSignup(ctx, fresh, m, 'signed'), m.householdId, ctx.now())
  return eventCard(fresh, signup, m.householdId, ctx.now())
}

/**
 * 取消报名 (before the start, not after check-in) or 退出候补. The place goes back, or the queue entry
 * goes, in one conditional update; a freed place then goes to the head of the waitlist (promoteWaiting).
 */
export async function cancelSignup(ctx: ActionContext, eventId: string, householdId?: string) {
  const access = await ctx.access()
  const event = await loadEvent(ctx, eventId)
  const m = memberHousehold(access, event.communityId, householdId)
  const id = signupIdOf(eventId, m.householdId)
  const signup = await signupsOf(ctx).byId(id)
  // A cancel that stopped between its two writes (document cancelled, place still held) is finished here.
  const holds = event.holders.includes(m.householdId)
  const waits = waitingOf(event).includes(m.householdId)
  if (!signup || (!holds && !waits && signup.status !== 'signed')) throw new DomainError('EVENT.NOT_SIGNED_UP')
  if (signup.checkInAt) throw new DomainError('EVENT.ALREADY_CHECKED_IN', '已签到，不能取消报名')
  const now = ctx.now()
  if (now.getTime() >= new Date(event.startsAt).getTime()) throw new DomainError('EVENT.SIGNUP_CLOSED', '活动已开始，不能取消报名')
  const db = ctx.platform.db
  const _ = db.command
  if (signup.status !== 'cancelled') must(await db.collection(EVENT_COLLECTIONS.signups).doc(id).update({ status: 'cancelled', cancelledBy: 'resident', updatedAt: now }))
  if (waits) must(await eventsOf(ctx).ref.where({ _id: eventId, waiting: m.householdId }).update({ waiting: _.pull(m.householdId), updatedAt: now }))
  const freed = Number(must(await eventsOf(ctx).ref.where({ _id: eventId, holders: m.householdId }).update({ signedUp: _.inc(-1), holders: _.pull(m.householdId), updatedAt: now })).updated ?? 0)
  if (freed === 1) await promoteWaiting(ctx.platform, eventId)
  return eventCard(await loadEvent(ctx, eventId), { ...signup, status: 'cancelled', cancelledBy: 'resident', updatedAt: now }, m.householdId, now)
}
