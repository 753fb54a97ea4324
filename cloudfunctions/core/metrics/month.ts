import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * Business months are Asia/Shanghai calendar months ('YYYY-MM'), whatever zone the function runs in
 * (CloudBase runs in UTC): an order paid at 2026-11-30T16:30Z is a December order.
 */
export const BUSINESS_TZ = 'Asia/Shanghai'
export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/

export function monthOf(at: Date): string {
  return dayjs(at).tz(BUSINESS_TZ).format('YYYY-MM')
}

/** [start, end) of the month as UTC instants. */
export function monthRange(month: string): { start: Date; end: Date } {
  const start = dayjs.tz(`${month}-01 00:00:00`, BUSINESS_TZ)
  return { start: start.toDate(), end: start.add(1, 'month').toDate() }
}

export function addMonths(month: string, n: number): string {
  return dayjs.tz(`${month}-01 12:00:00`, BUSINESS_TZ).add(n, 'month').format('YYYY-MM')
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1))
}

/** '2026年11月' for cards and CSV headers. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}
