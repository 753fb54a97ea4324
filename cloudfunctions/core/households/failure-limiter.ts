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

export const BIND_FAILURE_LIMIT: Limit = { max: 5, windowMs: 60 * 60_000 }

export const openidLimitKey = (scope: string, openid: string) => `${scope}-o-${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`
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
