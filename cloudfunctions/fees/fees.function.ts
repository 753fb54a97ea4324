import { feesContract } from '../contracts/fees.contract'
import { defineFunction } from '../runtime/define-function'
import { unpaidBills } from '../core/fees/unpaid.query'
import { payBills } from '../core/fees/fee-pay.service'
import { receiptDetail, receiptHistory } from '../core/fees/receipts.query'
import { myInvoices, requestInvoice } from '../core/fees/invoice.service'
import { gridArrears, paidAfterReminder } from '../core/fees/arrears.query'
import { remindHouseholds } from '../core/fees/reminder.service'
import { billRunTimer } from '../core/fees/bill-run.timer'

/**
 * 物业缴费: residents' bills, payment, receipts and invoices; stewards' arrears and reminders; the monthly
 * bill-run timer. Ops events (fee items, readings, bill runs, invoices, reports) live in the ops function.
 */
export const feesFunction = defineFunction(
  feesContract,
  {
    unpaid: (input, ctx) => unpaidBills(ctx, input.householdId),
    pay: (input, ctx) => payBills(ctx, input.billIds),
    history: (input, ctx) => receiptHistory(ctx, input),
    receipt: (input, ctx) => receiptDetail(ctx, input.receiptId),
    requestInvoice: (input, ctx) => requestInvoice(ctx, input),
    invoices: (input, ctx) => myInvoices(ctx, input.householdId),
    arrears: (input, ctx) => gridArrears(ctx, input),
    remind: (input, ctx) => remindHouseholds(ctx, input.householdIds),
    paidAfterReminder: (input, ctx) => paidAfterReminder(ctx, input),
  },
  {
    timers: {
      /** cloudbaserc.json: every 10 minutes; a finished month costs one read per community. */
      billRun: (ctx) => billRunTimer(ctx.platform),
    },
  },
)
