import { defineArea } from '../kernel/area'
import { FEE_ERROR_MESSAGES } from '../../contracts/errors/fees'
import { FEE_COLLECTIONS, FEE_INDEXES } from './fee.model'
import { feeOrderHooks } from './fee-order.hooks'

/** 物业缴费: fee items, meter readings, monthly bill runs, bills, receipts, invoices and reminders. */
export const feesArea = defineArea({
  name: 'fees',
  collections: Object.values(FEE_COLLECTIONS),
  indexes: FEE_INDEXES,
  errors: FEE_ERROR_MESSAGES,
  orderTypes: { fee: feeOrderHooks },
})
