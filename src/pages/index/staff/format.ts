/** Money as people read it: ¥1,234.56 (integer fen in). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const [int, dec] = (Math.abs(fen) / 100).toFixed(2).split('.')
  return `${sign}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`
}

/** Large sums on a KPI tile: ¥15.2万 instead of ¥151,767.90. */
export function yuanShort(fen: number): string {
  const y = fen / 100
  return Math.abs(y) >= 10_000 ? `¥${(y / 10_000).toFixed(1)}万` : `¥${Math.round(y).toLocaleString('en-US')}`
}

export const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`

export const score = (s: number | null) => (s === null ? '暂无' : s.toFixed(1))

export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** "11-22 09:50" in Beijing time whatever the phone's zone. */
export function shortTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
}
