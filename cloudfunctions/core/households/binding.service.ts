import type { Db } from '@cloudbase/database'
import type { HouseholdSummary } from '../../contracts/households.contract'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { COLLECTIONS } from './registry-collections'
import { setCurrentHousehold } from './current-household'
import {
  BIND_FAILURE_LIMIT as LIMIT,
  checkHouseholdGuard,
  householdLimitKey,
  householdWithFailure,
  isGuarded,
  minutesUntilFree,
  openidLimitKey,
  recentFailures,
  withFailure,
  type FailureDoc,
  type HouseholdGuardDoc,
} from './failure-limiter'
import { HOUSEHOLD_COLLECTIONS } from './household-collections'
import { householdError } from './household-errors'
import type { HouseholdDoc, MemberRole, ResidentDoc } from './household.model'
import type { Platform } from '../kernel/platform'
import { tellOwnersOfJoinRequest } from './join-notice'
import { communityName, toSummary } from './household-summary'
import { memberIdFor } from './ids'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import { hashPhone } from './phone'

export interface BindRequest {
  openid: string
  householdId: string
  ownerName: string
  /** Already normalised by the contract (11 digits). */
  phone: string
  /** 业主 binds at once; 家属 / 租户 ask to join and wait for the owner (default owner). */
  relation?: MemberRole
  /** How a family member or tenant asks to be called (required for them). */
  name?: string
  now: Date
  pepper: string
}

type Outcome =
  | { kind: 'bound'; household: HouseholdDoc }
  | { kind: 'requested'; household: HouseholdDoc; memberId: string }
  | { kind: 'mismatch'; attemptsLeft: number; guarded: boolean }
  | { kind: 'limited'; minutes: number }
  | { kind: 'guarded'; minutes: number }
  | { kind: 'missing' | 'owner_exists' | 'already' }

const sameName = (a: string, b: string) => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase()

/**
 * Proving ownership: owner name + phone must match the registry. Two limits (failure-limiter.ts): per
 * identity (5 failures an hour, over every household) and the household's slower back-off, which only ever
 * holds back identities that already failed on it — so strangers cannot lock the real owner out. The
 * counters, the owner claim and the membership are read and written in one transaction, so parallel
 * guesses cannot slip past a limit and two people can never both become the owner.
 */
export async function bindHousehold(platform: Platform, req: BindRequest): Promise<{ household: HouseholdSummary; status: 'active' | 'pending' }> {
  const db = platform.db
  const { openid, householdId, now } = req
  const relation = req.relation ?? 'owner'
  if (relation !== 'owner' && !req.name?.trim()) throw new DomainError('VALIDATION.FAILED', '家属或租户请填写您的称呼')
  await refuseKnownMembers(db, openid, householdId, relation)
  const keyO = openidLimitKey('bind', openid)
  const keyH = householdLimitKey('bind', householdId)
  const rl = HOUSEHOLD_COLLECTIONS.rateLimits

  const outcome = await runTx<Outcome>(db, async (t) => {
    const recentO = recentFailures(await txGet<FailureDoc>(t, rl, keyO), now, LIMIT)
    const guardDoc = await txGet<HouseholdGuardDoc>(t, rl, keyH)
    if (recentO.length >= LIMIT.max) return { kind: 'limited', minutes: minutesUntilFree(recentO, now, LIMIT) }
    const guard = checkHouseholdGuard(guardDoc, openid, now)
    if (guard.kind === 'guarded') return { kind: 'guarded', minutes: guard.minutes }
    const household = await txGet<HouseholdDoc>(t, COLLECTIONS.households, householdId)
    if (!household) return { kind: 'missing' }
    if (relation === 'owner' && household.ownerOpenid && household.ownerOpenid !== openid) return { kind: 'owner_exists' }
    const memberId = memberIdFor(householdId, openid)
    const member = await txGet<ResidentDoc>(t, COLLECTIONS.residents, memberId)
    if (member?.status === 'active' || (relation !== 'owner' && member?.status === 'pending')) return { kind: 'already' }

    const proved = sameName(household.ownerName, req.ownerName) && household.ownerPhoneHash === hashPhone(req.phone, req.pepper)
    if (!proved) {
      const nextGuard = householdWithFailure(guardDoc, openid, now)
      await txWrite(t.collection(rl).doc(keyO).set({ ...withFailure(recentO, now, LIMIT) }))
      await txWrite(t.collection(rl).doc(keyH).set({ ...nextGuard }))
      return { kind: 'mismatch', attemptsLeft: LIMIT.max - 1 - recentO.length, guarded: isGuarded(nextGuard) }
    }
    // Proved: the household's back-off has done its job.
    if (guardDoc) await txWrite(t.collection(rl).doc(keyH).set({ failures: [], tried: {}, expireAt: now }))
    if (relation !== 'owner') {
      // Knowing the owner's details is not being the owner: family and tenants join as a request the owner approves.
      const pending: Omit<ResidentDoc, '_id'> = { openid, householdId, communityId: household.communityId, role: relation, status: 'pending', boundAt: now, nickname: req.name!.trim().slice(0, 20) }
      await txWrite(t.collection(COLLECTIONS.residents).doc(memberId).set({ ...pending }))
      return { kind: 'requested', household, memberId }
    }
    await txWrite(t.collection(COLLECTIONS.households).doc(householdId).update({ ownerOpenid: openid }))
    // The registry's owner name becomes how the household sees its owner (成员: 刘洋 · 业主).
    const resident: Omit<ResidentDoc, '_id'> = { openid, householdId, communityId: household.communityId, role: 'owner', status: 'active', boundAt: now, nickname: household.ownerName.trim().slice(0, 20) || null }
    await txWrite(t.collection(COLLECTIONS.residents).doc(memberId).set({ ...resident }))
    return { kind: 'bound', household }
  })

  switch (outcome.kind) {
    case 'missing':
      throw householdError('HOUSEHOLD.NOT_FOUND')
    case 'owner_exists':
      throw householdError('BIND.OWNER_EXISTS')
    case 'already':
      throw householdError('BIND.ALREADY_MEMBER')
    case 'limited':
      throw new DomainError('RATE_LIMITED', `本微信账号验证未通过的次数较多，请 ${outcome.minutes} 分钟后再试`)
    case 'guarded':
      throw new DomainError('RATE_LIMITED', `${GUARDED_NOTE}，本账号约 ${formatWait(outcome.minutes)}后可再验证这套房屋。${OWNER_HELP}`)
    case 'mismatch':
      throw householdError('BIND.PROOF_MISMATCH', mismatchMessage(outcome.attemptsLeft, outcome.guarded))
  }
  const summary = toSummary(await communityName(db, outcome.household.communityId), outcome.household, relation)
  if (outcome.kind === 'requested') {
    await tellOwnersOfJoinRequest(platform, { householdId, householdLabel: summary.label, memberId: outcome.memberId, role: relation, nickname: req.name!.trim().slice(0, 20), at: now })
    return { household: summary, status: 'pending' }
  }
  await setCurrentHousehold(db, openid, householdId, now)
  return { household: summary, status: 'active' }
}

const GUARDED_NOTE = '为保护业主，这套房屋近期的验证尝试较多'
const OWNER_HELP = '如您是业主，可请网格管家或物业服务中心核验身份后解除限制。'

function formatWait(minutes: number): string {
  return minutes >= 60 ? `${Math.ceil(minutes / 60)} 小时` : `${minutes} 分钟`
}

function mismatchMessage(attemptsLeft: number, guarded: boolean): string {
  const base = '业主姓名或手机号与物业登记信息不一致'
  if (guarded) return `${base}。${GUARDED_NOTE}，本账号 24 小时内不能再验证这套房屋。${OWNER_HELP}`
  return attemptsLeft > 0 ? `${base}，还可尝试 ${attemptsLeft} 次` : `${base}，请 1 小时后再试`
}

/**
 * A steward of the building or ops of the community lifts the household's back-off, e.g. after checking
 * the owner's papers at the service centre. The per-identity limit is left alone (it ends within the hour).
 */
export async function clearBindGuard(db: Db, householdId: string): Promise<{ householdId: string; cleared: boolean }> {
  const res = must(await db.collection(HOUSEHOLD_COLLECTIONS.rateLimits).doc(householdLimitKey('bind', householdId)).remove())
  return { householdId, cleared: Number(res.deleted ?? 0) > 0 }
}

/**
 * Memberships written before ids were derived from (household, openid) — imported or older data —
 * are only found by query; transactions cannot query, so this check runs first.
 */
async function refuseKnownMembers(db: Db, openid: string, householdId: string, relation: MemberRole): Promise<void> {
  const members = must(await db.collection(COLLECTIONS.residents).where({ householdId, status: 'active' }).limit(100).get()).data as ResidentDoc[]
  if (members.some((m) => m.openid === openid)) throw householdError('BIND.ALREADY_MEMBER')
  if (relation === 'owner' && members.some((m) => m.role === 'owner')) throw householdError('BIND.OWNER_EXISTS')
}
