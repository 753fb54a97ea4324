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

/**
 * An instant as a Shanghai wall-clock dayjs, for formatting and calendar arithmetic. The same value
 * `dayjs(at).tz(BUSINESS_TZ)` gives (tests/unit/kernel/business-time-fast.test.ts compares them from 1971
 * to 2100), without its per-call `toLocaleString`, which built a new ICU formatter every time: it was
 * the largest single cost of placing an order (order number, business date). The zone's offset still comes
 * from the tz database through dayjs, once per UTC hour; Asia/Shanghai has changed offset only on whole
 * UTC hours since 1901.
 */
export function inBusinessTime(at: Date | string | number): dayjs.Dayjs {
  const d = dayjs(at)
  if (!d.isValid()) return d.tz(BUSINESS_TZ)
  const ins = d.utcOffset(offsetAt(d.valueOf()))
  // What .tz() leaves behind, so startOf/endOf keep working in the zone as they did.
  ;(ins as unknown as { $x: { $timezone?: string } }).$x.$timezone = BUSINESS_TZ
  return ins
}

const HOUR_MS = 3600_000
const offsetByHour = new Map<number, number>()

/** The zone's UTC offset in minutes at `ms`, from the tz database, remembered per UTC hour. */
function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS)
  let offset = offsetByHour.get(hour)
  if (offset === undefined) {
    if (offsetByHour.size >= 4096) offsetByHour.clear()
    offset = dayjs(hour * HOUR_MS).tz(BUSINESS_TZ).utcOffset()
    offsetByHour.set(hour, offset)
  }
  return offset
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
