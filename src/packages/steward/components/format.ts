/** Money as a bill shows it: ¥1231.47 (integer fen in). */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`
}

/** "2026-11" → "2026年11月". */
export function periodLabel(period: string): string {
  const [y, m] = period.split('-')
  return `${y}年${Number(m)}月`
}

/** "2026-11-22 10:05" in Beijing time, whatever the phone's zone (no DST in China). */
export function dateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}
