import { defineArea } from '../kernel/area'
import { FEE_ERROR_MESSAGES } from '../../contracts/errors/fees'
import { FEE_COLLECTIONS, FEE_INDEXES } from './fee.model'
import { feeOrderHooks } from './fee-order.hooks'
import { ORDER_TOPICS, orderEffect } from '../orders'
import { refundDoublePaidLines, type FeePaidNotes } from './fee-settle'
import { feeProfileFactsEffect } from './fee-profile-facts.effect'

/** 物业缴费: fee items, meter readings, monthly bill runs, bills, receipts, invoices and reminders. */
export const feesArea = defineArea({
  name: 'fees',
  collections: Object.values(FEE_COLLECTIONS),
  indexes: FEE_INDEXES,
  errors: FEE_ERROR_MESSAGES,
  orderTypes: { fee: feeOrderHooks },
  effects: {
    'fees.refund-double-paid': orderEffect(ORDER_TOPICS.paid, (ctx, order, event) =>
      order.type === 'fee' ? refundDoublePaidLines(ctx, order, event.payload.notes as FeePaidNotes) : Promise.resolve(),
    ),
    'fees.profile-facts': feeProfileFactsEffect,
  },
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { arrearsTotals } from './arrears-totals.query'
export { collectionReport } from './collection-report.query'
export { feesPaidInMonth } from './fee-payments-month.query'
export type { PaidInMonth } from './fee-payments-month.query'
