import type { SplitParts } from './merchant.model'

/**
 * The money rules of a merchant sale, in integer fen (docs/merchants.md has the worked example):
 * - 扣点 (commissionFen) = gross × rate, rounded half up — the property company's gross share;
 * - merchant share = gross − 扣点 (so the two always add up to gross);
 * - steward commission = gross × steward rate, rounded down (as core/attribution computes it), taken out
 *   of the 扣点; the property company keeps 扣点 − commission (negative when the commission rate is the
 *   larger, which ops are told about when they set such a rate);
 * - a property-company sale is the same with rate 100%: no merchant share.
 */
export function splitOf(grossFen: number, rateBp: number, stewardRateBp: number): SplitParts {
  assertFen(grossFen)
  const commissionFen = Math.floor((grossFen * rateBp + 5_000) / 10_000)
  const stewardFen = Math.floor((grossFen * stewardRateBp) / 10_000)
  return { merchantFen: grossFen - commissionFen, commissionFen, stewardFen, propertyNetFen: commissionFen - stewardFen }
}

/**
 * How much of each part has gone back once `refundedFen` of `grossFen` was refunded, cumulatively:
 * merchant part rounded down, steward part rounded half up (core/attribution's reversal rule), the
 * 扣点 part is the rest. Each refund's own parts are cumulative(after) − cumulative(before), so refunds
 * in any sizes add up to exactly the original parts once everything went back, and every refund's parts
 * add up to that refund.
 */
export function refundedParts(split: SplitParts & { grossFen: number }, refundedFen: number): SplitParts {
  const g = split.grossFen
  if (refundedFen <= 0 || g <= 0) return { merchantFen: 0, commissionFen: 0, stewardFen: 0, propertyNetFen: 0 }
  if (refundedFen >= g) return { merchantFen: split.merchantFen, commissionFen: split.commissionFen, stewardFen: split.stewardFen, propertyNetFen: split.propertyNetFen }
  const merchantFen = Math.floor((split.merchantFen * refundedFen) / g)
  const commissionFen = refundedFen - merchantFen
  const stewardFen = Math.floor((split.stewardFen * refundedFen * 2 + g) / (2 * g))
  return { merchantFen, commissionFen, stewardFen, propertyNetFen: commissionFen - stewardFen }
}

export function minusParts(a: SplitParts, b: SplitParts): SplitParts {
  return { merchantFen: a.merchantFen - b.merchantFen, commissionFen: a.commissionFen - b.commissionFen, stewardFen: a.stewardFen - b.stewardFen, propertyNetFen: a.propertyNetFen - b.propertyNetFen }
}

function assertFen(fen: number) {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new Error(`amount must be whole non-negative fen, got ${fen}`)
}

/** Basis points as people read them: 800 → "8%", 850 → "8.5%". */
export function ratePercent(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`
}
