import { createHash } from 'node:crypto'
import { addMonths } from './month'

/** Household bought in a month (which scopes credited it): `bm-<YYYY-MM>-<householdId>`. */
export function buyerMarkId(month: string, offset: number, householdId: string): string {
  return `bm-${addMonths(month, offset)}-${householdId}`
}

/** First paid order of a resident (household + openid); hashed so no openid sits in an id. */
export function firstOrderMarkId(householdId: string, openid: string): string {
  return `fp-${createHash('sha256').update(`${householdId}\u0001${openid}`).digest('hex').slice(0, 32)}`
}

/** A refund counted in the refund rollups once. */
export const refundMarkId = (refundId: string) => `rf-${refundId}`
