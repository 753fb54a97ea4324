import type { Db } from '@cloudbase/database'
import type { HouseholdSummary } from '../../contracts/households.contract'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { COLLECTIONS } from './registry-collections'
import { setCurrentHousehold } from './current-household'
import { BIND_FAILURE_LIMIT as LIMIT, householdLimitKey, minutesUntilFree, openidLimitKey, recentFailures, withFailure, type FailureDoc } from './failure-limiter'
import { HOUSEHOLD_COLLECTIONS } from './household-collections'
import { householdError } from './household-errors'
import type { HouseholdDoc, ResidentDoc } from './household.model'
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
  now: Date
  pepper: string
}

type Outcome =
  | { kind: 'bound'; household: HouseholdDoc }
  | { kind: 'mismatch'; attemptsLeft: number }
  | { kind: 'limited'; minutes: number }
  | { kind: 'missing' | 'owner_exists' | 'already' }

const sameName = (a: string, b: string) => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase()

/**
 * Proving ownership: owner name + phone must match the registry. The attempt counters, the owner claim on
 * the household and the membership are read and written in one transaction, so parallel guesses cannot
 * slip past the limit and two people can never both become the owner.
 */
export async function bindHousehold(db: Db, req: BindRequest): Promise<{ household: HouseholdSummary }> {
  const { openid, householdId, now } = req
  await refuseKnownMembers(db, openid, householdId)
  const keyO = openidLimitKey('bind', openid)
  const keyH = householdLimitKey('bind', householdId)
  const rl = HOUSEHOLD_COLLECTIONS.rateLimits

  const outcome = await runTx<Outcome>(db, async (t) => {
    const recentO = recentFailures(await txGet<FailureDoc>(t, rl, keyO), now, LIMIT)
    const recentH = recentFailures(await txGet<FailureDoc>(t, rl, keyH), now, LIMIT)
    const blocked = [recentO, recentH].filter((r) => r.length >= LIMIT.max)
    if (blocked.length) return { kind: 'limited', minutes: Math.max(...blocked.map((r) => minutesUntilFree(r, now, LIMIT))) }
    const household = await txGet<HouseholdDoc>(t, COLLECTIONS.households, householdId)
    if (!household) return { kind: 'missing' }
    if (household.ownerOpenid && household.ownerOpenid !== openid) return { kind: 'owner_exists' }
    const memberId = memberIdFor(householdId, openid)
    const member = await txGet<ResidentDoc>(t, COLLECTIONS.residents, memberId)
    if (member?.status === 'active') return { kind: 'already' }

    const proved = sameName(household.ownerName, req.ownerName) && household.ownerPhoneHash === hashPhone(req.phone, req.pepper)
    if (!proved) {
      await txWrite(t.collection(rl).doc(keyO).set({ ...withFailure(recentO, now, LIMIT) }))
      await txWrite(t.collection(rl).doc(keyH).set({ ...withFailure(recentH, now, LIMIT) }))
      return { kind: 'mismatch', attemptsLeft: LIMIT.max - 1 - Math.max(recentO.length, recentH.length) }
    }
    await txWrite(t.collection(COLLECTIONS.households).doc(householdId).update({ ownerOpenid: openid }))
    const resident: Omit<ResidentDoc, '_id'> = { openid, householdId, communityId: household.communityId, role: 'owner', status: 'active', boundAt: now, nickname: null }
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
      throw new DomainError('RATE_LIMITED', `验证失败次数过多，请 ${outcome.minutes} 分钟后再试`)
    case 'mismatch':
      throw householdError(
        'BIND.PROOF_MISMATCH',
        outcome.attemptsLeft > 0 ? `业主姓名或手机号与物业登记信息不一致，还可尝试 ${outcome.attemptsLeft} 次` : '业主姓名或手机号与物业登记信息不一致，请 1 小时后再试',
      )
  }
  await setCurrentHousehold(db, openid, householdId, now)
  return { household: toSummary(await communityName(db, outcome.household.communityId), outcome.household, 'owner') }
}

/**
 * Memberships written before ids were derived from (household, openid) — imported or older data —
 * are only found by query; transactions cannot query, so this check runs first.
 */
async function refuseKnownMembers(db: Db, openid: string, householdId: string): Promise<void> {
  const members = must(await db.collection(COLLECTIONS.residents).where({ householdId, status: 'active' }).limit(100).get()).data as ResidentDoc[]
  if (members.some((m) => m.openid === openid)) throw householdError('BIND.ALREADY_MEMBER')
  if (members.some((m) => m.role === 'owner')) throw householdError('BIND.OWNER_EXISTS')
}
