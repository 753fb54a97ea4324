import type { BillDoc } from './fee.model'
import { businessDate, daysBetween } from './period'

export interface BillAmount {
  principalFen: number
  lateFeeFen: number
  amountFen: number
  overdueDays: number
}

/**
 * THE late-fee rule, used by every screen and by payment, so what a resident sees is what they pay:
 * a bill paid on its due date (Asia/Shanghai calendar) has no late fee; from the next Shanghai day on,
 * each day adds dailyRateBp/10000 of the principal, rounded down to the fen, up to capBp/10000 of it.
 */
export function billAmountAt(bill: Pick<BillDoc, 'principalFen' | 'dueDate' | 'lateFee'>, at: Date): BillAmount {
  const overdueDays = Math.max(0, daysBetween(bill.dueDate, businessDate(at)))
  const { dailyRateBp, capBp } = bill.lateFee
  // principal ≤ 1e9, rate ≤ 100, days ≤ ~36500: the product stays far below 2^53.
  const accrued = Math.floor((bill.principalFen * dailyRateBp * overdueDays) / 10_000)
  const cap = Math.floor((bill.principalFen * capBp) / 10_000)
  const lateFeeFen = Math.min(accrued, cap)
  return { principalFen: bill.principalFen, lateFeeFen, amountFen: bill.principalFen + lateFeeFen, overdueDays }
}
