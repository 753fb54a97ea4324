import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { DomainError } from '../kernel/domain-error'
import { FEE_ERROR_MESSAGES } from '../../contracts/fees-errors'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * Billing periods and due dates live in Asia/Shanghai, whatever zone the function runs in (CloudBase: UTC).
 * China has no daylight saving, but going through the tz database keeps that an assumption of dayjs, not ours.
 */
export const BUSINESS_TZ = 'Asia/Shanghai'
const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/

/** The billing month an instant belongs to: 2026-12-31T16:30Z is 2027-01-01 00:30 in Shanghai → "2027-01". */
export function periodOf(at: Date): string {
  return dayjs(at).tz(BUSINESS_TZ).format('YYYY-MM')
}

/** The Shanghai calendar date of an instant, "YYYY-MM-DD". */
export function businessDate(at: Date): string {
  return dayjs(at).tz(BUSINESS_TZ).format('YYYY-MM-DD')
}

export function assertPeriod(period: string): void {
  if (!PERIOD_RE.test(period)) throw new DomainError('FEE.BAD_PERIOD', FEE_ERROR_MESSAGES['FEE.BAD_PERIOD'])
}

/** The due date of a period's bill: day `dueDay` of that month. */
export function dueDateOf(period: string, dueDay: number): string {
  assertPeriod(period)
  return `${period}-${String(dueDay).padStart(2, '0')}`
}

/** The instant a Shanghai calendar day starts. */
export function startOfBusinessDay(date: string): Date {
  return dayjs.tz(`${date} 00:00:00`, BUSINESS_TZ).toDate()
}

/** First instant of the period after `period` (the end of the period, exclusive). */
export function periodEnd(period: string): Date {
  assertPeriod(period)
  return dayjs.tz(`${period}-01 00:00:00`, BUSINESS_TZ).add(1, 'month').toDate()
}

export function addMonths(period: string, months: number): string {
  assertPeriod(period)
  return dayjs.utc(`${period}-01`).add(months, 'month').format('YYYY-MM')
}

/** Whole calendar days from date `a` to date `b` (both "YYYY-MM-DD"); negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return dayjs.utc(b).diff(dayjs.utc(a), 'day')
}
