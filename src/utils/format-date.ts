/** Dates shown to residents are Beijing time whatever the phone's or the server's zone (no DST in China). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000

function shanghaiParts(iso: string) {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }
}

/** "11月21日", or "2025年11月21日" when not in the current year. */
export function formatDay(iso: string, now: Date = new Date()): string {
  const p = shanghaiParts(iso)
  const thisYear = shanghaiParts(now.toISOString()).y
  return p.y === thisYear ? `${p.m}月${p.d}日` : `${p.y}年${p.m}月${p.d}日`
}
