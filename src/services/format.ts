/**
 * How money and time read on every page. Money is integer fen in the data and "¥1,234.56" on screen.
 * Dates are Beijing time whatever the phone's zone (China has no DST, so a fixed +8 h is exact); never
 * slice an ISO string, which gives the UTC day (a 03:20 Beijing morning would show yesterday).
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000
const p2 = (n: number) => String(n).padStart(2, '0')

export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const [int, dec] = (Math.abs(fen) / 100).toFixed(2).split('.')
  return `${sign}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`
}

export const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`

/** Calendar parts of an instant in Asia/Shanghai. */
export function shanghaiParts(at: string | Date) {
  const d = new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + SHANGHAI_OFFSET_MS)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() }
}

/** "2026-12-03" */
export function shanghaiDate(at: string | Date): string {
  const p = shanghaiParts(at)
  return `${p.y}-${p2(p.m)}-${p2(p.d)}`
}

/** "2026-12", the business month (billing periods, metrics). */
export function currentMonth(now: Date = new Date()): string {
  const p = shanghaiParts(now)
  return `${p.y}-${p2(p.m)}`
}

/** "2026-11" → "2026年11月". */
export function periodLabel(period: string): string {
  const [y, m] = period.split('-')
  return `${y}年${Number(m)}月`
}
export const monthLabel = periodLabel

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const total = y * 12 + (m - 1) + n
  return `${Math.floor(total / 12)}-${p2((total % 12) + 1)}`
}

/** "2026-11-22 10:05" */
export function dateTime(iso: string): string {
  const p = shanghaiParts(iso)
  return `${p.y}-${p2(p.m)}-${p2(p.d)} ${p2(p.h)}:${p2(p.min)}`
}

/** "11-22 10:05" */
export function shortTime(iso: string): string {
  const p = shanghaiParts(iso)
  return `${p2(p.m)}-${p2(p.d)} ${p2(p.h)}:${p2(p.min)}`
}

/** "11月21日", or "2025年11月21日" when not in the current year. */
export function formatDay(iso: string, now: Date = new Date()): string {
  const p = shanghaiParts(iso)
  return p.y === shanghaiParts(now).y ? `${p.m}月${p.d}日` : `${p.y}年${p.m}月${p.d}日`
}
