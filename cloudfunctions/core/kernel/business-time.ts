import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * Business time, the one place it is defined. Instants are stored as UTC; every business period
 * (billing months, SLA cards, pickup windows, the starter programme's days, settlement months) is read
 * in Asia/Shanghai whatever zone the function runs in (CloudBase runs in UTC). China has no daylight
 * saving, but going through the tz database keeps that an assumption of dayjs, not ours.
 */
export const BUSINESS_TZ = 'Asia/Shanghai'
export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/

/** An instant as a Shanghai wall-clock dayjs, for formatting and calendar arithmetic. */
export function inBusinessTime(at: Date | string | number): dayjs.Dayjs {
  return dayjs(at).tz(BUSINESS_TZ)
}

export function formatBusiness(at: Date | string | number, format: string): string {
  return inBusinessTime(at).format(format)
}

/** A Shanghai wall-clock text in `format` (e.g. WeChat Pay's 'YYYYMMDDHHmmss') as the instant it names. */
export function parseBusiness(text: string, format: string): Date {
  return dayjs.tz(text, format, BUSINESS_TZ).toDate()
}

/** The business month of an instant: 2026-12-31T16:30Z is 2027-01-01 00:30 in Shanghai → "2027-01". */
export function businessMonth(at: Date): string {
  return formatBusiness(at, 'YYYY-MM')
}

/** The Shanghai calendar date of an instant, "YYYY-MM-DD". */
export function businessDate(at: Date): string {
  return formatBusiness(at, 'YYYY-MM-DD')
}

/** The instant a Shanghai calendar day ("YYYY-MM-DD") starts. */
export function startOfBusinessDay(date: string): Date {
  return dayjs.tz(`${date} 00:00:00`, BUSINESS_TZ).toDate()
}

/** [start, end) of a business month ("YYYY-MM") as instants. */
export function monthRange(month: string): { start: Date; end: Date } {
  const start = dayjs.tz(`${month}-01 00:00:00`, BUSINESS_TZ)
  return { start: start.toDate(), end: start.add(1, 'month').toDate() }
}

/** "YYYY-MM" shifted by `n` months (calendar arithmetic, no instant involved). */
export function addMonths(month: string, n: number): string {
  return dayjs.utc(`${month}-01`).add(n, 'month').format('YYYY-MM')
}

/** "YYYY-MM-DD" shifted by `n` calendar days. */
export function addDays(date: string, n: number): string {
  return dayjs.utc(date).add(n, 'day').format('YYYY-MM-DD')
}

/** Whole calendar days from date `a` to date `b` (both "YYYY-MM-DD"); negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return dayjs.utc(b).diff(dayjs.utc(a), 'day')
}
