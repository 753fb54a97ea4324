import type { ActionContext } from '../kernel/action-context'
import { userOpenid } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { businessDate } from '../kernel/business-time'
import { isDomainCode, withGuessLimit } from '../kernel/guess-limit'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import { passKeysOf } from '../access'
import { EVENT_COLLECTIONS, signupIdOf, type CodeUseDoc, type SignupDoc } from './event.model'
import { CHECK_IN_EARLY_MS, CHECK_OUT_LATE_MS, mySignupView } from './event-view'
import { checkEventCode, parseScanned } from './event-code'
import { dwellMinutes } from './dwell'
import { loadEvent, memberHousehold } from './event-scope'
import { reportAttendance } from './report-attendance'

/**
 * A second scan this soon after check-in is a double tap, not a departure. EVENTS_MIN_STAY_SECONDS
 * overrides it (the browser test, which cannot wait five real minutes, sets 0).
 */
export const MIN_STAY_MS = 5 * 60_000
const minStayMs = (env: Readonly<Record<string, string | undefined>>) => {
  const v = Number(env.EVENTS_MIN_STAY_SECONDS)
  return env.EVENTS_MIN_STAY_SECONDS !== undefined && Number.isFinite(v) && v >= 0 ? v * 1000 : MIN_STAY_MS
}
/** Replay memory outlives any code by far; a day keeps the collection small. */
const USE_MEMORY_MS = 24 * 3600_000

/**
 * 扫码签到/签退: the first valid code a signed-up household presents checks it in, a later one checks it out.
 * Refused, with nothing written: a code that is not the event's (CODE_INVALID, counted against guessing),
 * an expired one (CODE_EXPIRED), one this household has already used (CODE_REPLAYED — so the arrival code
 * cannot also be the departure), outside the event's hours, or without a sign-up.
 */
export async function scan(ctx: ActionContext, input: { eventId?: string; code: string; householdId?: string }) {
  const openid = userOpenid(ctx)
  const parsed = parseScanned(input.code, input.eventId)
  if (!parsed) throw new DomainError('EVENT.CODE_INVALID')
  if (input.eventId && parsed.eventId !== input.eventId) throw new DomainError('EVENT.CODE_INVALID', '这是另一个活动的活动码')
  const access = await ctx.access()
  const event = await loadEvent(ctx, parsed.eventId)
  const m = memberHousehold(access, event.communityId, input.householdId)
  if (event.status === 'cancelled') throw new DomainError('EVENT.CANCELLED')
  const now = ctx.now()
  const t = now.getTime()
  if (t < new Date(event.startsAt).getTime() - CHECK_IN_EARLY_MS || t > new Date(event.endsAt).getTime() + CHECK_OUT_LATE_MS) throw new DomainError('EVENT.NOT_OPEN_NOW')
  const db = ctx.platform.db
  const signupId = signupIdOf(event._id, m.householdId)
  const keys = passKeysOf(ctx.platform).keysFor(event.communityId)
  if (keys.length === 0) throw new DomainError('EVENT.NOT_CONFIGURED')
  const check = await withGuessLimit(
    db,
    'event',
    openid,
    now,
    async () => {
      const c = checkEventCode(keys, event._id, parsed.code, t)
      if (!c.ok) throw new DomainError(c.reason === 'EXPIRED' ? 'EVENT.CODE_EXPIRED' : 'EVENT.CODE_INVALID')
      return c
    },
    isDomainCode('EVENT.CODE_INVALID'),
  )
  const useId = `${signupId}.${check.kid}.${check.step}`
  const minStay = minStayMs(ctx.platform.env)
  const outcome = await runTx(db, async (tx) => {
    const signup = await txGet<SignupDoc>(tx, EVENT_COLLECTIONS.signups, signupId)
    if (!signup || signup.status !== 'signed') throw new DomainError('EVENT.NOT_SIGNED_UP')
    if (await txGet<CodeUseDoc>(tx, EVENT_COLLECTIONS.codeUses, useId)) throw new DomainError('EVENT.CODE_REPLAYED')
    if (signup.checkOutAt) throw new DomainError('EVENT.ALREADY_CHECKED_OUT')
    let next: SignupDoc
    if (!signup.checkInAt) {
      if (t > new Date(event.endsAt).getTime()) throw new DomainError('EVENT.NOT_OPEN_NOW', '活动已结束，不能再签到')
      next = { ...signup, checkInAt: now, checkInDate: businessDate(now), updatedAt: now }
      await txWrite(tx.collection(EVENT_COLLECTIONS.signups).doc(signupId).update({ checkInAt: now, checkInDate: next.checkInDate, updatedAt: now }))
    } else {
      if (t - new Date(signup.checkInAt).getTime() < minStay) throw new DomainError('EVENT.ALREADY_CHECKED_IN', '刚刚已签到；离场时再扫码签退')
      const dwell = dwellMinutes(new Date(signup.checkInAt), now)
      next = { ...signup, checkOutAt: now, dwellMinutes: dwell, report: 'pending', updatedAt: now }
      await txWrite(tx.collection(EVENT_COLLECTIONS.signups).doc(signupId).update({ checkOutAt: now, dwellMinutes: dwell, report: 'pending', updatedAt: now }))
    }
    const use: Omit<CodeUseDoc, '_id'> = { eventId: event._id, householdId: m.householdId, usedFor: next.checkOutAt ? 'check_out' : 'check_in', at: now, expireAt: new Date(t + USE_MEMORY_MS) }
    await txWrite(tx.collection(EVENT_COLLECTIONS.codeUses).add({ _id: useId, ...use }))
    return next
  })
  // After commit: the profile hears of the attendance; a failure leaves report 'pending' for the timer.
  if (outcome.checkOutAt) await reportAttendance(ctx.platform, event, outcome)
  return { eventId: event._id, title: event.title, action: outcome.checkOutAt ? ('checked_out' as const) : ('checked_in' as const), mine: mySignupView(event, outcome, m.householdId) }
}
