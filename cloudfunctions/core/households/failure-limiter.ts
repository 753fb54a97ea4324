import { createHash } from 'node:crypto'

/**
 * "At most N failures per key per window", kept as the timestamps of recent failures in one document per
 * key. Read and written inside the same transaction as the check it guards, so parallel guesses
 * serialize on the document and the (N+1)th is refused even when they all arrive at once.
 */
export interface FailureDoc {
  failures: Date[]
  expireAt: Date
}

export interface Limit {
  max: number
  windowMs: number
}

/** Per identity (WeChat account), over every household: a person who mistypes a few times waits an hour. */
export const BIND_FAILURE_LIMIT: Limit = { max: 5, windowMs: 60 * 60_000 }

const identityHash = (openid: string) => createHash('sha256').update(openid).digest('hex').slice(0, 24)
export const openidLimitKey = (scope: string, openid: string) => `${scope}-o-${identityHash(openid)}`
export const householdLimitKey = (scope: string, householdId: string) => `${scope}-h-${householdId}`

export function recentFailures(doc: FailureDoc | null, now: Date, limit: Limit): Date[] {
  const since = now.getTime() - limit.windowMs
  return (doc?.failures ?? []).map((d) => new Date(d)).filter((d) => d.getTime() > since)
}

/** Minutes until the oldest counted failure leaves the window, for the "try again in N minutes" message. */
export function minutesUntilFree(recent: Date[], now: Date, limit: Limit): number {
  const oldest = Math.min(...recent.map((d) => d.getTime()))
  return Math.max(1, Math.ceil((oldest + limit.windowMs - now.getTime()) / 60_000))
}

export function withFailure(recent: Date[], now: Date, limit: Limit): FailureDoc {
  return { failures: [...recent, now].slice(-limit.max), expireAt: new Date(now.getTime() + limit.windowMs) }
}

/**
 * The household's slower back-off. Failures from every identity are counted over a day; once there are
 * GUARD_AT of them the household is "guarded": an identity that already failed on it cannot try it again
 * until a day after its own last failure, and every other identity gets one attempt a day. Nobody is
 * locked out by what others did — the real owner, who has not failed, still gets their attempt — while
 * guessing with many accounts earns one guess per account per day. A steward or ops clears it (override).
 */
export interface HouseholdGuardDoc {
  failures: Date[]
  /** identity hash → last failed attempt on this household. */
  tried: Record<string, Date>
  expireAt: Date
}

export const HOUSEHOLD_GUARD = { guardAt: 10, windowMs: 24 * 60 * 60_000, keepFailures: 50, keepIdentities: 500 }

export type GuardCheck = { kind: 'open' } | { kind: 'guarded'; minutes: number }

function recentTried(doc: HouseholdGuardDoc | null, now: Date): Array<[string, Date]> {
  const since = now.getTime() - HOUSEHOLD_GUARD.windowMs
  return Object.entries(doc?.tried ?? {})
    .map(([k, d]) => [k, new Date(d)] as [string, Date])
    .filter(([, d]) => d.getTime() > since)
}

export function checkHouseholdGuard(doc: HouseholdGuardDoc | null, openid: string, now: Date): GuardCheck {
  const failures = (doc?.failures ?? []).filter((d) => new Date(d).getTime() > now.getTime() - HOUSEHOLD_GUARD.windowMs)
  if (failures.length < HOUSEHOLD_GUARD.guardAt) return { kind: 'open' }
  const mine = recentTried(doc, now).find(([k]) => k === identityHash(openid))
  if (!mine) return { kind: 'open' }
  return { kind: 'guarded', minutes: Math.max(1, Math.ceil((mine[1].getTime() + HOUSEHOLD_GUARD.windowMs - now.getTime()) / 60_000)) }
}

export function householdWithFailure(doc: HouseholdGuardDoc | null, openid: string, now: Date): HouseholdGuardDoc {
  const since = now.getTime() - HOUSEHOLD_GUARD.windowMs
  const failures = [...(doc?.failures ?? []).map((d) => new Date(d)).filter((d) => d.getTime() > since), now].slice(-HOUSEHOLD_GUARD.keepFailures)
  const tried = Object.fromEntries([...recentTried(doc, now).filter(([k]) => k !== identityHash(openid)), [identityHash(openid), now] as [string, Date]].slice(-HOUSEHOLD_GUARD.keepIdentities))
  return { failures, tried, expireAt: new Date(now.getTime() + HOUSEHOLD_GUARD.windowMs) }
}

/** Whether this failure leaves the household guarded (the next message says so without blaming anyone). */
export function isGuarded(doc: HouseholdGuardDoc): boolean {
  return doc.failures.length >= HOUSEHOLD_GUARD.guardAt
}
