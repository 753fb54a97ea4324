import { addMonths } from '../kernel/business-time'

/**
 * Metrics months are business months ('YYYY-MM', Asia/Shanghai, see kernel/business-time): an order
 * paid at 2026-11-30T16:30Z is a December order.
 */
export { businessMonth as monthOf, monthRange, addMonths, MONTH_RE } from '../kernel/business-time'

/** The `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1))
}

/** '2026年11月' for cards and CSV headers. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}
