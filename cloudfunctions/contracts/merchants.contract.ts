import { z } from 'zod'
import { defineContract, mutation, query } from './envelope'
import { merchantBoardAction } from './merchants-board.contract'
import { idSchema, isoDateTimeSchema, pageSchema } from './common.schemas'
import { openidSchema } from './households-common.schemas'
import { invoiceTitleSchema } from './fees-common.schemas'
import { monthSchema } from './attribution.contract'
import {
  invoiceableOrderSchema,
  ledgerEntrySchema,
  listingRowSchema,
  merchantOrderSchema,
  merchantStatementSchema,
  merchantViewSchema,
  onboardInputSchema,
  orderSplitViewSchema,
  sellerOptionSchema,
  orderInvoiceSchema,
  rateBpSchema,
  reportRowSchema,
  settlementSummarySchema,
  sharingSweepSchema,
} from './merchants.schemas'

export * from './merchants.schemas'

const community = z.object({ communityId: idSchema }).strict()
const paged = pageSchema.strict()

/**
 * Merchants: onboarding and seller choice (ops), the merchant staff workbench (orders, delivery, statements,
 * invoice queue), residents' invoices for group-buy and service orders, the monthly report and settlement.
 */
export const merchantsContract = defineContract(
  'merchants',
  {
    // ── residents ──
    invoiceOrders: query(paged, z.object({ items: z.array(invoiceableOrderSchema), hasMore: z.boolean() })),
    requestInvoice: mutation(
      z.object({ orderId: idSchema, title: invoiceTitleSchema, email: z.string().trim().email('邮箱格式不正确').max(60).optional() }).strict(),
      z.object({ invoice: orderInvoiceSchema }),
    ),
    // ── merchant staff ──
    board: merchantBoardAction,
    orders: query(pageSchema.extend({ filter: z.enum(['all', 'to_deliver']).default('all') }).strict(), z.object({ items: z.array(merchantOrderSchema), hasMore: z.boolean() })),
    markDelivered: mutation(z.object({ orderId: idSchema }).strict(), z.object({ order: merchantOrderSchema })),
    statements: query(z.object({}).strict(), z.object({ statements: z.array(merchantStatementSchema) })),
    statementEntries: query(pageSchema.extend({ statementId: idSchema }).strict(), z.object({ items: z.array(ledgerEntrySchema), hasMore: z.boolean() })),
    /** Merchant staff: their merchant's queue. Ops: the property company's queue of `communityId`. */
    invoiceQueue: query(
      pageSchema.extend({ communityId: idSchema.optional(), status: z.enum(['requested', 'issued']).optional() }).strict(),
      z.object({ queue: z.string(), issuerName: z.string(), items: z.array(orderInvoiceSchema), hasMore: z.boolean() }),
    ),
    issueInvoice: mutation(
      z.object({ invoiceId: z.string().regex(/^inv-[A-Za-z0-9_-]{1,64}$/, '发票申请编号不正确'), invoiceNo: z.string().trim().regex(/^[0-9A-Za-z]{8,20}$/, '发票号码为 8–20 位字母或数字'), communityId: idSchema.optional() }).strict(),
      z.object({ invoice: orderInvoiceSchema }),
    ),
    /** One order's split as the order carries it: the seller's staff (their own orders) or ops (communityId). */
    orderSplit: query(z.object({ orderId: idSchema, communityId: idSchema.optional() }).strict(), z.object({ split: orderSplitViewSchema })),
    // ── ops ──
    /** The community's paid orders with their split, newest first (商户与结算 › 订单分账). */
    splits: query(pageSchema.extend({ communityId: idSchema }).strict(), z.object({ items: z.array(orderSplitViewSchema), hasMore: z.boolean() })),
    /** Who can sell a campaign of this community: its active merchants with their default 扣点 (the seller picker). */
    sellerOptions: query(community, z.object({ merchants: z.array(sellerOptionSchema) })),
    /** Registers the merchant's settlement account as a 分账 receiver again (after a failure). */
    retryReceiver: mutation(z.object({ communityId: idSchema, merchantId: idSchema }).strict(), z.object({ merchant: merchantViewSchema })),
    list: query(community, z.object({ merchants: z.array(merchantViewSchema), listings: z.array(listingRowSchema) })),
    onboard: mutation(onboardInputSchema, z.object({ merchant: merchantViewSchema, created: z.boolean() })),
    setStatus: mutation(z.object({ communityId: idSchema, merchantId: idSchema, status: z.enum(['active', 'suspended']) }).strict(), z.object({ merchant: merchantViewSchema })),
    addStaff: mutation(
      z.object({ communityId: idSchema, merchantId: idSchema, openid: openidSchema, name: z.string().trim().min(1).max(20) }).strict(),
      z.object({ staffId: z.string(), merchantId: idSchema }),
    ),
    setSeller: mutation(
      z
        .object({
          communityId: idSchema,
          kind: z.enum(['groupbuy', 'service']),
          refId: idSchema,
          merchantId: idSchema.nullable(),
          rateBp: rateBpSchema.optional(),
          rateReason: z.string().trim().max(60).optional(),
        })
        .strict(),
      z.object({ listing: listingRowSchema }),
    ),
    report: query(z.object({ communityId: idSchema, month: monthSchema.optional() }).strict(), z.object({ month: monthSchema, rows: z.array(reportRowSchema) })),
    exportReport: mutation(
      z.object({ communityId: idSchema, month: monthSchema.optional() }).strict(),
      z.object({ fileId: z.string(), fileName: z.string(), url: z.string(), rows: z.number().int(), expiresAt: isoDateTimeSchema }),
    ),
    settle: mutation(z.object({ period: monthSchema.optional() }).strict(), settlementSummarySchema),
    reconcileSharing: mutation(z.object({}).strict(), z.object({ sales: z.object({ checked: z.number().int(), recorded: z.number().int() }), sharing: sharingSweepSchema })),
  },
  {
    audience: {
      invoiceOrders: ['member'],
      requestInvoice: ['member'],
      board: ['merchant'],
      orders: ['merchant'],
      markDelivered: ['merchant'],
      statements: ['merchant'],
      statementEntries: ['merchant'],
      invoiceQueue: ['merchant', 'ops'],
      orderSplit: ['merchant', 'ops'],
      splits: ['ops'],
      sellerOptions: ['steward', 'ops'],
      retryReceiver: ['ops', 'console'],
      issueInvoice: ['merchant', 'ops', 'console'],
      list: ['ops', 'console'],
      onboard: ['ops', 'console'],
      setStatus: ['ops', 'console'],
      addStaff: ['ops', 'console'],
      setSeller: ['steward', 'ops', 'console'],
      report: ['ops', 'console'],
      exportReport: ['ops', 'console'],
      settle: ['console'],
      reconcileSharing: ['console'],
    },
    errors: {
      invoiceOrders: [],
      requestInvoice: ['MERCHANT.INVOICE_EXISTS', 'MERCHANT.INVOICE_NOT_ALLOWED', 'MERCHANT.ORDER_NOT_FOUND'],
      board: ['MERCHANT.NOT_MERCHANT_STAFF'],
      orders: ['MERCHANT.NOT_MERCHANT_STAFF'],
      markDelivered: ['MERCHANT.NOT_DELIVERABLE', 'MERCHANT.NOT_MERCHANT_STAFF', 'MERCHANT.ORDER_NOT_FOUND', 'ORDER.ILLEGAL_TRANSITION', 'ORDER.NOT_FOUND'],
      statements: ['MERCHANT.NOT_MERCHANT_STAFF'],
      statementEntries: ['MERCHANT.NOT_MERCHANT_STAFF'],
      invoiceQueue: ['MERCHANT.NOT_MERCHANT_STAFF'],
      issueInvoice: ['MERCHANT.INVOICE_ALREADY_ISSUED', 'MERCHANT.INVOICE_NOT_FOUND', 'MERCHANT.NOT_MERCHANT_STAFF'],
      orderSplit: ['MERCHANT.NOT_MERCHANT_STAFF', 'MERCHANT.ORDER_NOT_FOUND'],
      splits: [],
      sellerOptions: [],
      retryReceiver: ['MERCHANT.NOT_FOUND', 'MERCHANT.NOT_IN_COMMUNITY'],
      list: [],
      onboard: ['MERCHANT.NOT_FOUND'],
      setStatus: ['MERCHANT.NOT_FOUND', 'MERCHANT.NOT_IN_COMMUNITY'],
      addStaff: ['COMMUNITY.NOT_FOUND', 'MERCHANT.NOT_FOUND', 'MERCHANT.NOT_IN_COMMUNITY'],
      setSeller: ['MERCHANT.LISTING_NOT_FOUND', 'MERCHANT.NOT_FOUND', 'MERCHANT.NOT_IN_COMMUNITY', 'MERCHANT.RATE_REASON_REQUIRED', 'MERCHANT.SUSPENDED'],
      report: [],
      exportReport: [],
      settle: ['MERCHANT.PERIOD_OPEN'],
      reconcileSharing: [],
    },
  },
)

export type MerchantsContract = typeof merchantsContract
