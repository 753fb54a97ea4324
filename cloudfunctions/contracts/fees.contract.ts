import { z } from 'zod'
import { FEE_ERROR_MESSAGES } from './errors/fees'
import { defineContract, mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema, pageSchema } from './common.schemas'
import { paymentParamsSchema } from './orders.contract'
import { householdBillsSchema, invoiceTitleSchema, invoiceViewSchema, periodSchema, receiptSchema, receiptSummarySchema } from './fees-common.schemas'

export * from './fees-common.schemas'
export { FEE_ERROR_MESSAGES, type FeeErrorCode } from './errors/fees'

/** At most this many bills in one payment (an order holds at most 50 lines). */
export const MAX_BILLS_PER_PAYMENT = 50

export const arrearsBillSchema = z.object({
  billId: idSchema,
  itemName: z.string(),
  period: periodSchema,
  dueDate: z.string(),
  principalFen: fenSchema,
  lateFeeFen: fenSchema,
  amountFen: fenSchema,
})

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
  /** The owner as the registry names them, masked ("刘*"): enough to greet, not to identify. */
  ownerNameMasked: z.string(),
  /** "尾号2301": the number itself is never stored; calls go through a relay number (callOwner). */
  phoneHint: z.string(),
  /** The unpaid bills behind the total, oldest first (with late fees as of now). */
  bills: z.array(arrearsBillSchema),
})

export const remindResultSchema = z.object({
  householdId: idSchema,
  status: z.enum(['sent', 'too_soon', 'nothing_owed']),
  bills: z.number().int(),
  recipients: z.number().int(),
  nextRemindAt: isoDateTimeSchema.nullable(),
})

export const remindPreviewSchema = z.object({
  householdId: idSchema,
  label: z.string(),
  status: z.enum(['will_send', 'too_soon', 'nothing_owed', 'no_recipients']),
  bills: z.number().int(),
  amountFen: fenSchema,
  recipients: z.number().int(),
  /** The subscribe-message lines residents would receive. */
  message: z.array(z.object({ key: z.string(), value: z.string() })),
  nextRemindAt: isoDateTimeSchema.nullable(),
})

export const ownerCallSchema = z.object({
  householdId: idSchema,
  /** The relay number to dial (never the owner's own). */
  relayNumber: z.string(),
  expiresAt: isoDateTimeSchema,
  ownerNameMasked: z.string(),
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
  /** Steward: what `remind` would send to each household (nothing is sent or claimed). */
  remindPreview: query(
    z.object({ householdIds: z.array(idSchema).min(1).max(20) }).strict(),
    z.object({ items: z.array(remindPreviewSchema), willSend: z.number().int(), recipients: z.number().int() }),
  ),
  /**
   * Steward of the household's grid only: a short-lived relay number that rings the owner (隐私号), so
   * neither side sees the other's real number.
   */
  callOwner: mutation(z.object({ householdId: idSchema }).strict(), ownerCallSchema),
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
      remindPreview: ['steward', 'ops'],
      // The grid's steward only (the core checks the household is in their grid): not ops.
      callOwner: ['steward'],
      paidAfterReminder: ['steward', 'ops'],
    },
    errors: {
      unpaid: [],
      pay: ['FEE.ALREADY_PAID', 'FEE.BILL_NOT_FOUND', 'FEE.ONE_HOUSEHOLD', 'FEE.PAYMENT_IN_PROGRESS', 'ORDER.EXPIRED', 'ORDER.INVALID_LINES'],
      history: [],
      receipt: [],
      requestInvoice: ['FEE.ALREADY_INVOICED', 'FEE.BILL_NOT_FOUND', 'FEE.NOT_PAID', 'FEE.NOT_PAYER', 'FEE.ONE_HOUSEHOLD'],
      invoices: [],
      arrears: ['FEE.NO_GRID'],
      remind: [],
      remindPreview: [],
      callOwner: ['FEE.CALL_UNAVAILABLE'],
      paidAfterReminder: ['FEE.NO_GRID'],
    },
  },
)

export type FeesContract = typeof feesContract
export type ArrearsRow = z.infer<typeof arrearsRowSchema>
export type RemindResult = z.infer<typeof remindResultSchema>
export type RemindPreview = z.infer<typeof remindPreviewSchema>
export type OwnerCall = z.infer<typeof ownerCallSchema>
export type ArrearsBill = z.infer<typeof arrearsBillSchema>
