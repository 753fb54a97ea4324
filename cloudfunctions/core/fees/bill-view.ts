import type { BillView } from '../../contracts/fees-common.schemas'
import type { BillDoc } from './fee.model'
import { billAmountAt } from './late-fee'

/** A bill as residents, stewards and the payment see it at `at`. */
export function billView(bill: BillDoc, at: Date): BillView {
  const amount = billAmountAt(bill, at)
  return {
    billId: bill._id,
    itemId: bill.itemId,
    itemName: bill.itemName,
    kind: bill.kind,
    period: bill.period,
    dueDate: bill.dueDate,
    detail: bill.detail,
    ...amount,
    payingOrderId: isLocked(bill, at) ? bill.lockOrderId : null,
  }
}

/** Held by an unpaid order that can still be paid. */
export function isLocked(bill: Pick<BillDoc, 'lockOrderId' | 'lockUntil'>, at: Date): boolean {
  return !!bill.lockOrderId && new Date(bill.lockUntil).getTime() > at.getTime()
}

const KIND_ORDER = { per_area: 0, fixed: 1, metered: 2, one_off: 3 } as const

/** Bills in the order people read them: by fee item (物业费 first), then oldest period first. */
export function compareBills(a: BillDoc, b: BillDoc): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.itemName.localeCompare(b.itemName) || a.period.localeCompare(b.period)
}
