/**
 * 费用分摊 in integer fen by the largest-remainder method: each target gets floor(amount × weight ÷ Σweight),
 * and the fen left over go one each to the largest fractional parts (ties: the earlier target), so the
 * shares always sum to the amount exactly and no target is ever more than one fen off its exact share.
 * Pure on purpose: the worked example in docs/events.md is checked against this function.
 */
export function splitByWeights(amountFen: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(amountFen) || amountFen < 0) throw new RangeError('amount must be whole fen')
  if (weights.length === 0) throw new RangeError('nothing to split over')
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new RangeError('weights must be non-negative')
  const total = weights.reduce((a, b) => a + b, 0)
  if (total <= 0) throw new RangeError('weights sum to zero')
  // BigInt keeps amount × weight exact even for GMV weights in the millions of fen.
  const big = weights.map((w) => BigInt(Math.round(w)))
  const bigTotal = big.reduce((a, b) => a + b, 0n)
  const exact = big.map((w) => BigInt(amountFen) * w)
  const shares = exact.map((e) => Number(e / bigTotal))
  const rest = exact.map((e, i) => ({ i, rem: e % bigTotal }))
  let left = amountFen - shares.reduce((a, b) => a + b, 0)
  rest.sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1))
  for (const r of rest) {
    if (left <= 0) break
    shares[r.i] += 1
    left -= 1
  }
  return shares
}

export const splitEqually = (amountFen: number, n: number) => splitByWeights(amountFen, Array.from({ length: n }, () => 1))
