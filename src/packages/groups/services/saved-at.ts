const DAY = 86_400_000
const SHANGHAI = 8 * 3600_000

/** "YYYY-MM-DD" of a moment in Beijing time. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI).toISOString().slice(0, 10)
}

/**
 * The moment a QR was saved, from the day the steward picks. Today means now; an earlier day means the
 * start of that day (Beijing time) — the earliest it can have been saved, so the computed expiry is never
 * later than WeChat's and an expired code is never shown as live.
 */
export function savedAtFromDay(day: string, now: Date): Date {
  if (day === shanghaiDay(now)) return now
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI)
}

/** The last 7 days: older codes have already expired. */
export function pickableDays(now: Date): { start: string; end: string } {
  return { start: shanghaiDay(new Date(now.getTime() - 6 * DAY)), end: shanghaiDay(now) }
}
