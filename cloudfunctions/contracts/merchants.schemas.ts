import { z } from 'zod'
import { fenSchema, idSchema, isoDateTimeSchema } from './common.schemas'
import { monthSchema } from './attribution.contract'
import { merchantStatementSchema, rateBpSchema } from './merchants-board.contract'

export { merchantStatementSchema, rateBpSchema }

const signedFen = z.number().int()
const count = z.number().int().nonnegative()

export const sellerSchema = z.object({ kind: z.enum(['property', 'merchant']), merchantId: idSchema.nullable(), name: z.string() })

/** Whether the merchant's settlement account is a WeChat Pay 分账 receiver yet. */
export const receiverStatusSchema = z.object({
  state: z.enum(['pending', 'added', 'failed']),
  account: z.string(),
  lastError: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  addedAt: isoDateTimeSchema.nullable(),
})

export const merchantViewSchema = z.object({
  merchantId: idSchema,
  name: z.string(),
  licenceNo: z.string(),
  contactName: z.string(),
  contactPhoneLast4: z.string(),
  settlementAccount: z.string(),
  defaultRateBp: rateBpSchema,
  issuesInvoices: z.boolean(),
  status: z.enum(['active', 'suspended']),
  receiver: receiverStatusSchema.nullable(),
})

export const onboardInputSchema = z
  .object({
    communityId: idSchema,
    merchantId: idSchema.optional(),
    name: z.string().trim().min(2, '商户名称至少 2 个字').max(40),
    licenceNo: z.string().trim().regex(/^[0-9A-Za-z]{15,18}$/, '营业执照号 / 统一社会信用代码为 15–18 位字母或数字'),
    contactName: z.string().trim().min(1, '请填写联系人').max(20),
    contactPhone: z.string().trim().min(11, '联系电话须为 11 位手机号').max(16),
    settlementAccount: z.string().trim().regex(/^\d{8,12}$/, '结算账户须为微信支付商户号（8–12 位数字）'),
    defaultRateBp: rateBpSchema,
    issuesInvoices: z.boolean(),
  })
  .strict()

/** An order as its seller sees it: no resident names or phones, only what delivery needs. */
export const merchantOrderSchema = z.object({
  orderId: idSchema,
  orderNo: z.string().nullable(),
  type: z.enum(['groupbuy', 'service']),
  title: z.string(),
  grossFen: fenSchema,
  merchantFen: fenSchema,
  commissionFen: fenSchema,
  refundedFen: fenSchema,
  rateBp: rateBpSchema,
  paidAt: isoDateTimeSchema,
  deliveredAt: isoDateTimeSchema.nullable(),
  fulfilledAt: isoDateTimeSchema.nullable(),
  /** 待送达, by the server's one definition: the 待送达 list holds exactly these, and only these offer 标记送达. */
  toDeliver: z.boolean(),
})


export const ledgerEntrySchema = z.object({
  entryId: z.string(),
  /** `unshared`: a 分账 split or return that ended without moving money, given back to the statement. */
  kind: z.enum(['sale', 'refund', 'unshared']),
  orderId: idSchema,
  title: z.string(),
  grossFen: fenSchema,
  merchantFen: signedFen,
  commissionFen: signedFen,
  /** What this entry moves through WeChat Pay 分账 (split +, return −, compensation of either). */
  viaSharingFen: signedFen,
  at: isoDateTimeSchema,
})

export const orderInvoiceSchema = z.object({
  invoiceId: z.string(),
  orderId: idSchema,
  orderNo: z.string().nullable(),
  orderTitle: z.string(),
  issuer: sellerSchema,
  title: z.object({ type: z.enum(['personal', 'company']), name: z.string(), taxId: z.string().nullable() }),
  email: z.string().nullable(),
  amountFen: fenSchema,
  status: z.enum(['requested', 'issued']),
  invoiceNo: z.string().nullable(),
  requestedAt: isoDateTimeSchema,
  issuedAt: isoDateTimeSchema.nullable(),
})

export const invoiceableOrderSchema = z.object({
  orderId: idSchema,
  orderNo: z.string().nullable(),
  title: z.string(),
  amountFen: fenSchema,
  paidAt: isoDateTimeSchema,
  seller: sellerSchema,
  issuer: sellerSchema,
  invoice: orderInvoiceSchema.nullable(),
})

export const listingRowSchema = z.object({
  kind: z.enum(['groupbuy', 'service']),
  refId: idSchema,
  title: z.string(),
  seller: sellerSchema,
  rateBp: rateBpSchema,
  rateReason: z.string().nullable(),
})

export const reportRowSchema = z.object({
  merchantId: idSchema,
  name: z.string(),
  month: monthSchema,
  orders: count,
  gmvFen: fenSchema,
  refundFen: fenSchema,
  commissionFen: signedFen,
  /** Of the merchant's earnings, what WeChat Pay 分账 paid (the statement does not pay it again). */
  viaSharingFen: signedFen,
  netPayableFen: signedFen,
  settled: z.boolean(),
  invoicesRequested: count,
  invoicesIssued: count,
})

export const settlementSummarySchema = z.object({
  period: monthSchema,
  merchants: count,
  settled: count,
  alreadySettled: count,
  salesFen: fenSchema,
  refundsFen: fenSchema,
  commissionFen: signedFen,
  payableFen: fenSchema,
  remaining: count,
})

/** An order's split as the order carries it (order.split), for ops and the seller's staff. */
export const orderSplitViewSchema = z.object({
  orderId: idSchema,
  orderNo: z.string().nullable(),
  type: z.enum(['groupbuy', 'service']),
  title: z.string(),
  status: z.string(),
  paidAt: isoDateTimeSchema.nullable(),
  seller: sellerSchema,
  rateBp: rateBpSchema,
  rateReason: z.string().nullable(),
  /** Still paid (paid − refunded). */
  grossFen: fenSchema,
  refundedFen: fenSchema,
  /** 应结: what the seller merchant gets. */
  merchantFen: fenSchema,
  /** 扣点 kept: property + steward. */
  commissionFen: signedFen,
  /** Ops only (null for merchant staff): how the 扣点 divides. */
  propertyFen: signedFen.nullable(),
  stewardFen: fenSchema.nullable(),
  stewardRateBp: rateBpSchema.nullable(),
})

/** A merchant a campaign can be sold by, with its default 扣点 (the seller picker). */
export const sellerOptionSchema = z.object({ merchantId: idSchema, name: z.string(), defaultRateBp: rateBpSchema })

export const sharingSweepSchema = z.object({ submitted: count, finished: count, failed: count, waiting: count })

export type MerchantView = z.infer<typeof merchantViewSchema>
export type MerchantOrder = z.infer<typeof merchantOrderSchema>
export type MerchantStatement = z.infer<typeof merchantStatementSchema>
export type OrderInvoice = z.infer<typeof orderInvoiceSchema>
export type InvoiceableOrder = z.infer<typeof invoiceableOrderSchema>
export type ListingRow = z.infer<typeof listingRowSchema>
export type ReportRow = z.infer<typeof reportRowSchema>
export type OrderSplitView = z.infer<typeof orderSplitViewSchema>
export type SellerOption = z.infer<typeof sellerOptionSchema>
export type ReceiverStatus = z.infer<typeof receiverStatusSchema>
