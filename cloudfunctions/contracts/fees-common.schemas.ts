import { z } from 'zod'
import { displayStatusSchema } from './order-status.schemas'
import { fenSchema, idSchema, isoDateTimeSchema } from './common.schemas'

/** A billing month in Asia/Shanghai, e.g. "2027-01". */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '账期格式应为 YYYY-MM')
export const feeKindSchema = z.enum(['per_area', 'fixed', 'metered', 'one_off'])
export const FEE_KIND_LABELS = { per_area: '按面积', fixed: '固定', metered: '按读数', one_off: '一次性' } as const

/** One bill as every screen shows it; late fee and amount are computed for `asOf` by the one late-fee rule. */
export const billViewSchema = z.object({
  billId: idSchema,
  itemId: idSchema,
  itemName: z.string(),
  kind: feeKindSchema,
  period: periodSchema,
  /** Last day to pay without a late fee (Asia/Shanghai calendar date). */
  dueDate: z.string(),
  /** How the principal was computed, e.g. "96㎡ × 2.50元/㎡". */
  detail: z.string(),
  principalFen: fenSchema,
  lateFeeFen: fenSchema,
  amountFen: fenSchema,
  overdueDays: z.number().int().nonnegative(),
  /** An unpaid order holds this bill (someone is paying it right now). */
  payingOrderId: idSchema.nullable(),
})

export const billGroupSchema = z.object({
  itemId: idSchema,
  itemName: z.string(),
  kind: feeKindSchema,
  subtotalFen: fenSchema,
  bills: z.array(billViewSchema),
})

export const householdBillsSchema = z.object({
  householdId: idSchema,
  label: z.string(),
  totalFen: fenSchema,
  billCount: z.number().int(),
  items: z.array(billGroupSchema),
})

export const receiptLineSchema = z.object({
  billId: idSchema,
  itemName: z.string(),
  period: periodSchema,
  principalFen: fenSchema,
  lateFeeFen: fenSchema,
  amountFen: fenSchema,
  invoiceStatus: z.enum(['none', 'requested', 'issued']),
})

export const receiptSummarySchema = z.object({
  receiptId: idSchema,
  receiptNo: z.string(),
  householdId: idSchema,
  label: z.string(),
  title: z.string(),
  paidAt: isoDateTimeSchema,
  totalFen: fenSchema,
  billCount: z.number().int(),
  /** The payment was refunded in full; its bills are owed again. */
  refunded: z.boolean(),
  /** The payment's order (the receipt carries its id): its number and status as every order page shows them. */
  orderId: idSchema,
  orderNo: z.string().nullable(),
  display: displayStatusSchema,
})

export const receiptSchema = receiptSummarySchema.extend({
  principalFen: fenSchema,
  lateFeeFen: fenSchema,
  /** The caller paid it (only the payer may ask for an invoice). */
  payerIsMe: z.boolean(),
  lines: z.array(receiptLineSchema),
})

export const invoiceTitleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('personal'), name: z.string().trim().min(1).max(40) }).strict(),
  z
    .object({
      type: z.literal('company'),
      name: z.string().trim().min(2).max(60),
      /** 统一社会信用代码 (18) or an older tax registration number (15–20 letters and digits). */
      taxId: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{15,20}$/, '税号应为15–20位字母或数字'),
    })
    .strict(),
])

export const invoiceViewSchema = z.object({
  invoiceId: idSchema,
  householdId: idSchema,
  label: z.string(),
  title: z.object({ type: z.enum(['personal', 'company']), name: z.string(), taxId: z.string().nullable() }),
  email: z.string().nullable(),
  amountFen: fenSchema,
  billIds: z.array(idSchema),
  status: z.enum(['requested', 'issued']),
  requestedAt: isoDateTimeSchema,
  issuedAt: isoDateTimeSchema.nullable(),
  invoiceNo: z.string().nullable(),
})

export type BillView = z.infer<typeof billViewSchema>
export type HouseholdBills = z.infer<typeof householdBillsSchema>
export type ReceiptView = z.infer<typeof receiptSchema>
export type ReceiptSummary = z.infer<typeof receiptSummarySchema>
export type InvoiceTitle = z.infer<typeof invoiceTitleSchema>
export type InvoiceView = z.infer<typeof invoiceViewSchema>
export type FeeKind = z.infer<typeof feeKindSchema>
