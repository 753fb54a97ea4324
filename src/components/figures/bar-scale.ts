/**
 * Share of the tallest bar in percent: nothing for a zero or negative month (a net clawback draws no bar,
 * its caption says the amount), at least 3% for any positive one so a small month stays visible.
 */
export function barHeightPct(value: number, max: number): number {
  return value <= 0 || max <= 0 ? 0 : Math.max(3, Math.round((value / max) * 100))
}
