import { z } from 'zod'
import { defineContract, mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema, pageSchema } from './common.schemas'

import { displayStatusSchema, orderStatusSchema, orderTypeSchema } from './order-status.schemas'

export { displayStatusSchema, orderStatusSchema, orderTypeSchema, orderDisplayStatus, timelineLabel, DISPLAY_LABELS } from './order-status.schemas'
export type { DisplayStatus, DisplayStatusKey, OrderStatusFacts, GroupbuyStatusFacts } from './order-status.schemas'

export const refundStatusSchema = z.enum(['pending', 'succeeded', 'failed'])

export const orderLineSchema = z.object({
  /** What the line pays for, in the owning area's terms: 'bill', 'sku', 'service_item'… */
  refType: z.string().min(1).max(32),
  refId: idSchema,
  title: z.string().min(1).max(60),
  quantity: z.number().int().min(1).max(999),
  unitPriceFen: fenSchema,
  amountFen: fenSchema,
})

export const timelineEntrySchema = z.object({
  from: orderStatusSchema.nullable(),
  to: orderStatusSchema,
  /** The step in words (提交订单, 支付成功, 超时关闭…): timelineLabel of the status model. */
  label: z.string(),
  at: isoDateTimeSchema,
  /** Who moved it: resident, ops, wechatpay, timer, system. */
  by: z.string(),
  note: z.string().nullable(),
})

export const refundViewSchema = z.object({
  refundId: idSchema,
  amountFen: fenSchema,
  status: refundStatusSchema,
  reason: z.string(),
  requestedAt: isoDateTimeSchema,
  completedAt: isoDateTimeSchema.nullable(),
})

/** Where and what to collect (group buys): the point, the window, the code once formed, and each line's progress. */
export const orderPickupSchema = z.object({
  point: z.string(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  /** 8 digits, shown only once the group has formed. */
  code: z.string().nullable(),
  lines: z.array(z.object({ title: z.string(), quantity: z.number().int().positive(), picked: z.number().int().nonnegative(), left: z.number().int().nonnegative() })),
})

export const orderViewSchema = z.object({
  orderId: idSchema,
  /** What people read and quote: Beijing date + 6 digits ("20261203482915"). */
  orderNo: z.string().regex(/^\d{14}$/),
  type: orderTypeSchema,
  title: z.string(),
  householdId: idSchema,
  status: orderStatusSchema,
  /** What the person sees: the one status model (order-status.schemas.ts), the same on every page. */
  display: displayStatusSchema,
  amountFen: fenSchema,
  paidFen: fenSchema,
  refundedFen: fenSchema,
  /** Paid, minus refunded, minus refunds still in flight. */
  refundableFen: fenSchema,
  createdAt: isoDateTimeSchema,
  /** When an unpaid order closes by itself; null once paid or closed. */
  expiresAt: isoDateTimeSchema.nullable(),
  paidAt: isoDateTimeSchema.nullable(),
  lines: z.array(orderLineSchema),
  timeline: z.array(timelineEntrySchema),
  refunds: z.array(refundViewSchema),
  /** Group buys: pickup point, window, code and items; null for other types. */
  pickup: orderPickupSchema.nullable(),
  /** What the caller may do now; the server checks again on every call. */
  can: z.object({ pay: z.boolean(), cancel: z.boolean(), refund: z.boolean() }),
})

export const orderSummarySchema = orderViewSchema.pick({
  orderId: true,
  orderNo: true,
  type: true,
  title: true,
  status: true,
  display: true,
  amountFen: true,
  refundedFen: true,
  createdAt: true,
  expiresAt: true,
})

/** What `Taro.requestPayment` needs (WeChat's field names), plus which gateway issued it. */
export const paymentParamsSchema = z.object({
  provider: z.enum(['wechat', 'sandbox']),
  prepayId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.string(),
  paySign: z.string(),
})

export const serviceItemSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string(),
  unitPriceFen: fenSchema,
  unit: z.string(),
})

const orderIdInput = z.object({ orderId: idSchema }).strict()
const orderOut = z.object({ order: orderViewSchema })
const orderAndPayment = z.object({ order: orderViewSchema, payment: paymentParamsSchema })
const orderAndRefund = z.object({ order: orderViewSchema, refund: refundViewSchema })

export const ordersContract = defineContract('orders', {
  /** Paid services (上门保洁…) offered in the caller's current community. */
  serviceCatalog: query(z.object({}).strict(), z.object({ communityId: idSchema.nullable(), items: z.array(serviceItemSchema) })),
  /** Order a paid service for one of the caller's households; answers with the prepay parameters. */
  createServiceOrder: mutation(
    z.object({ householdId: idSchema, serviceItemId: idSchema, quantity: z.number().int().min(1).max(5).default(1) }).strict(),
    orderAndPayment,
  ),
  /** Orders of the caller's households, newest first. */
  list: query(
    pageSchema.extend({ status: z.union([orderStatusSchema, z.literal('all')]).default('all') }).strict(),
    z.object({ items: z.array(orderSummarySchema), hasMore: z.boolean() }),
  ),
  detail: query(orderIdInput, orderOut),
  /** Prepay parameters for an unpaid order (the same ones again on a repeat). */
  pay: mutation(orderIdInput, orderAndPayment),
  cancel: mutation(orderIdInput, orderOut),
  /** Refund of what is left of a paid order, when its type lets residents do that themselves. */
  requestRefund: mutation(z.object({ orderId: idSchema, reason: z.string().trim().min(1).max(100) }).strict(), orderAndRefund),
  /** Console (ops): full or partial refund; the envelope's requestId makes a repeat safe. */
  refund: mutation(
    z.object({ orderId: idSchema, amountFen: fenSchema.min(1).optional(), reason: z.string().trim().min(1).max(100) }).strict(),
    orderAndRefund,
  ),
  /** Console (ops): the service was delivered / the order is closed for good. */
  fulfil: mutation(orderIdInput, orderOut),
  complete: mutation(orderIdInput, orderOut),
},
  {
    audience: {
      serviceCatalog: ['user'],
      createServiceOrder: ['member'],
      list: ['user'],
      detail: ['member'],
      pay: ['member'],
      cancel: ['member'],
      requestRefund: ['member'],
      refund: ['console'],
      fulfil: ['console'],
      complete: ['console'],
    },
    errors: {
      serviceCatalog: [],
      createServiceOrder: ['ORDER.EXPIRED', 'ORDER.INVALID_LINES', 'ORDER.SERVICE_NOT_FOUND'],
      list: [],
      detail: ['ORDER.NOT_FOUND'],
      pay: ['ORDER.ALREADY_PAID', 'ORDER.EXPIRED', 'ORDER.NOT_FOUND', 'ORDER.PAYER_ONLY'],
      cancel: ['ORDER.ALREADY_PAID', 'ORDER.ILLEGAL_TRANSITION', 'ORDER.NOT_FOUND', 'ORDER.REFUND_EXCEEDS_PAID'],
      requestRefund: ['ORDER.ILLEGAL_TRANSITION', 'ORDER.NOT_FOUND', 'ORDER.PAYER_ONLY', 'ORDER.REFUND_EXCEEDS_PAID', 'ORDER.REFUND_NOT_ALLOWED'],
      refund: ['ORDER.ILLEGAL_TRANSITION', 'ORDER.NOT_FOUND', 'ORDER.REFUND_EXCEEDS_PAID'],
      fulfil: ['ORDER.ILLEGAL_TRANSITION', 'ORDER.NOT_FOUND'],
      complete: ['ORDER.ILLEGAL_TRANSITION', 'ORDER.NOT_FOUND'],
    },
  },
)

export type OrderView = z.infer<typeof orderViewSchema>
export type OrderSummary = z.infer<typeof orderSummarySchema>
export type OrderStatus = z.infer<typeof orderStatusSchema>
export type OrderType = z.infer<typeof orderTypeSchema>
export type OrderLine = z.infer<typeof orderLineSchema>
export type PaymentParams = z.infer<typeof paymentParamsSchema>
export type RefundView = z.infer<typeof refundViewSchema>
export type OrderPickup = z.infer<typeof orderPickupSchema>
export type ServiceItem = z.infer<typeof serviceItemSchema>
