import { DomainError } from '../kernel/domain-error'
import { addMonths as shiftMonth, MONTH_RE, monthRange } from '../kernel/business-time'
import { FEE_ERROR_MESSAGES } from '../../contracts/errors/fees'

/** Billing periods and due dates are business months and dates (kernel/business-time: Asia/Shanghai). */
export { businessMonth as periodOf, businessDate, startOfBusinessDay, daysBetween } from '../kernel/business-time'

export function assertPeriod(period: string): void {
  if (!MONTH_RE.test(period)) throw new DomainError('FEE.BAD_PERIOD', FEE_ERROR_MESSAGES['FEE.BAD_PERIOD'])
}

/** The due date of a period's bill: day `dueDay` of that month. */
export function dueDateOf(period: string, dueDay: number): string {
  assertPeriod(period)
  return `${period}-${String(dueDay).padStart(2, '0')}`
}

/** First instant of the period after `period` (the end of the period, exclusive). */
export function periodEnd(period: string): Date {
  assertPeriod(period)
  return monthRange(period).end
}

export function addMonths(period: string, months: number): string {
  assertPeriod(period)
  return shiftMonth(period, months)
}
