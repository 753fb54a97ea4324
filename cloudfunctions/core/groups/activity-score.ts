/**
 * Activity score with time decay, kept as a rollup that costs one atomic `_.inc` per event and nothing
 * to read.
 *
 * The score we want is Σ weight·2^(−age/HALF_LIFE). Storing it directly would need a read-modify-write
 * on every event (and a periodic rewrite of every group to let it decay). Instead each event adds
 * weight·2^((t − EPOCH)/HALF_LIFE) to `activityRaw`; the true score at time `now` is then
 * activityRaw · 2^(−(now − EPOCH)/HALF_LIFE). Adding is commutative, so concurrent events never race, and
 * "score below X" becomes the indexable `activityRaw < X · 2^((now − EPOCH)/HALF_LIFE)`.
 *
 * The growth factor doubles every half-life: with a 7-day half-life a double holds about 19 years from
 * EPOCH before overflowing. Moving EPOCH later is a one-off `_.mul` over the collection (docs/groups.md).
 */
export const ACTIVITY_EPOCH = Date.parse('2026-01-01T00:00:00Z')
export const HALF_LIFE_MS = 7 * 86_400_000

export const ACTIVITY_WEIGHTS = { open: 1, join: 3, order: 5 } as const
export type ActivityKind = keyof typeof ACTIVITY_WEIGHTS

/** Below this a group that is past its first month counts as silent (about one card open a week). */
export const SILENT_SCORE = 1.5

function growth(at: Date): number {
  return Math.pow(2, (at.getTime() - ACTIVITY_EPOCH) / HALF_LIFE_MS)
}

export function rawIncrement(kind: ActivityKind, at: Date, count = 1): number {
  return ACTIVITY_WEIGHTS[kind] * count * growth(at)
}

export function currentScore(activityRaw: number, now: Date): number {
  return activityRaw / growth(now)
}

/** The raw value that corresponds to `score` at `now`, for range queries. */
export function rawThreshold(score: number, now: Date): number {
  return score * growth(now)
}
