import type { LedgerDoc } from './attribution.model'

/** Commission in fen: rate in basis points of the base, rounded down (never pay a fraction of a fen). */
export function commissionOf(baseFen: number, rateBp: number): number {
  if (baseFen <= 0 || rateBp <= 0) return 0
  return Math.floor((baseFen * rateBp) / 10_000)
}

/**
 * How much of an accrual should be reversed once the order's refunded total is `refundedFen`: the share
 * refunded since the accrual, rounded half up; everything when the whole base went back.
 */
export function reversalTarget(acc: Pick<LedgerDoc, 'amountFen' | 'baseFen' | 'refundedAtAccrualFen'>, refundedFen: number): number {
  const base = acc.baseFen ?? 0
  const since = Math.max(0, refundedFen - (acc.refundedAtAccrualFen ?? 0))
  if (base <= 0 || since >= base) return acc.amountFen
  return Math.min(acc.amountFen, Math.round((acc.amountFen * since) / base))
}
