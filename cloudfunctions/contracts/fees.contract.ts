import { z } from 'zod'
import { codesOf } from './errors'
import { FEE_ERROR_MESSAGES } from './errors/fees'
import { ORDER_ERROR_MESSAGES } from './errors/orders'
import { defineContract, mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema, pageSchema } from './common.schemas'
import { paymentParamsSchema } from './orders.contract'
import { householdBillsSchema, invoiceTitleSchema, invoiceViewSchema, periodSchema, receiptSchema, receiptSummarySchema } from './fees-common.schemas'

export * from './fees-common.schemas'
export { FEE_ERROR_MESSAGES, type FeeErrorCode } from './errors/fees'

/** At most this many bills in one payment (an order holds at most 50 lines). */
export const MAX_BILLS_PER_PAYMENT = 50

export const arrearsRowSchema = z.object({
  householdId: idSchema,
  label: z.string(),
  monthsOwed: z.number().int(),
  billCount: z.number().int(),
  oldestPeriod: periodSchema,
  principalFen: fenSchema,
  lateFeeFen: fenSchema,
  amountFen: fenSchema,
  lastRemindedAt: isoDateTimeSchema.nullable(),
  /** At least one of its bills has not been reminded within the last 3 days. */
  canRemind: z.boolean(),
})

export const remindResultSchema = z.object({
  householdId: idSchema,
  status: z.enum(['sent', 'too_soon', 'nothing_owed']),
  bills: z.number().int(),
  recipients: z.number().int(),
  nextRemindAt: isoDateTimeSchema.nullable(),
})

export const feesContract = defineContract('fees', {
  /** Unpaid bills of the caller's households (or one of them), grouped by household and fee item. */
  unpaid: query(
    z.object({ householdId: idSchema.optional() }).strict(),
    z.object({ asOf: isoDateTimeSchema, totalFen: fenSchema, households: z.array(householdBillsSchema) }),
  ),
  /** Pay the chosen bills of one household in one order; answers with the prepay parameters. */
  pay: mutation(
    z.object({ billIds: z.array(idSchema).min(1, '请选择要缴纳的账单').max(MAX_BILLS_PER_PAYMENT, `一次最多缴纳${MAX_BILLS_PER_PAYMENT}笔账单`) }).strict(),
    z.object({ orderId: idSchema, amountFen: fenSchema, payment: paymentParamsSchema, bills: z.array(z.object({ billId: idSchema, amountFen: fenSchema })) }),
  ),
  /** Paid bills as receipts (one receipt per payment), newest first. */
  history: query(
    pageSchema.extend({ householdId: idSchema.optional() }).strict(),
    z.object({ items: z.array(receiptSummarySchema), hasMore: z.boolean() }),
  ),
  receipt: query(z.object({ receiptId: idSchema }).strict(), z.object({ receipt: receiptSchema })),
  /** Invoice request for chosen paid bills of one household, by the person who paid them. */
  requestInvoice: mutation(
    z
      .object({
        billIds: z.array(idSchema).min(1, '请选择要开票的账单').max(100),
        title: invoiceTitleSchema,
        email: z.email('邮箱格式不正确').max(60).optional(),
      })
      .strict(),
    z.object({ invoice: invoiceViewSchema }),
  ),
  invoices: query(z.object({ householdId: idSchema.optional() }).strict(), z.object({ items: z.array(invoiceViewSchema) })),
  /** Steward: households of my grid that owe, the longest-owing first. */
  arrears: query(
    pageSchema.extend({ communityId: idSchema.optional() }).strict(),
    z.object({
      communityId: idSchema,
      asOf: isoDateTimeSchema,
      summary: z.object({ households: z.number().int(), billCount: z.number().int(), principalFen: fenSchema }),
      items: z.array(arrearsRowSchema),
      hasMore: z.boolean(),
    }),
  ),
  /** Steward: subscribe-message reminders, at most one per bill per 3 days. */
  remind: mutation(
    z.object({ householdIds: z.array(idSchema).min(1).max(20) }).strict(),
    z.object({ results: z.array(remindResultSchema) }),
  ),
  /** Steward: households of my grid that paid after being reminded. */
  paidAfterReminder: query(
    z.object({ communityId: idSchema.optional(), days: z.number().int().min(1).max(90).default(30) }).strict(),
    z.object({
      items: z.array(
        z.object({ householdId: idSchema, label: z.string(), billCount: z.number().int(), paidFen: fenSchema, remindedAt: isoDateTimeSchema, paidAt: isoDateTimeSchema }),
      ),
    }),
  ),
},
  {
    audience: {
      unpaid: ['member'],
      pay: ['member'],
      history: ['member'],
      receipt: ['member', 'steward', 'ops'],
      requestInvoice: ['member'],
      invoices: ['member'],
      arrears: ['steward', 'ops'],
      remind: ['steward', 'ops'],
      paidAfterReminder: ['steward', 'ops'],
    },
    errors: [...codesOf(FEE_ERROR_MESSAGES), ...codesOf(ORDER_ERROR_MESSAGES)],
  },
)

export type FeesContract = typeof feesContract
export type ArrearsRow = z.infer<typeof arrearsRowSchema>
export type RemindResult = z.infer<typeof remindResultSchema>
