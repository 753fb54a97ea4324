import { z } from 'zod'
import { codesOf } from './errors'
import { GROUPBUY_ERROR_MESSAGES } from './errors/groupbuy'
import { ORDER_ERROR_MESSAGES } from './errors/orders'
import { HOUSEHOLD_ERROR_MESSAGES } from './errors/households'
import { defineContract, mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema, pageSchema } from './common.schemas'
import { orderStatusSchema, orderViewSchema, paymentParamsSchema } from './orders.contract'

export { GROUPBUY_ERROR_MESSAGES, type GroupbuyErrorCode } from './errors/groupbuy'

export const campaignModeSchema = z.enum(['stock', 'presale'])
export const campaignStatusSchema = z.enum(['draft', 'open', 'closing', 'closed'])
export const campaignOutcomeSchema = z.enum(['formed', 'failed'])
/**
 * Where a group-buy order stands, from the resident's side (docs/groupbuy.md has the diagram):
 * unpaid → paid → awaiting_pickup → picked_up; paid → refund_pending → refunded; unpaid → cancelled.
 */
export const entryStageSchema = z.enum(['unpaid', 'paid', 'awaiting_pickup', 'picked_up', 'refund_pending', 'refunded', 'cancelled'])

export const STAGE_LABELS = {
  unpaid: '待支付',
  paid: '已支付，等待成团',
  awaiting_pickup: '已成团，待提货',
  picked_up: '已提货',
  refund_pending: '未成团，退款中',
  refunded: '已退款',
  cancelled: '已取消',
} as const satisfies Record<z.infer<typeof entryStageSchema>, string>

export const pickupSchema = z.object({
  point: z.string(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
})

export const campaignCardSchema = z.object({
  campaignId: idSchema,
  communityId: idSchema,
  title: z.string(),
  coverUrl: z.string().nullable(),
  mode: campaignModeSchema,
  status: campaignStatusSchema,
  outcome: campaignOutcomeSchema.nullable(),
  deadline: isoDateTimeSchema,
  priceFromFen: fenSchema,
  /** Households with a paid order ("已有 N 户参团"). */
  participants: z.number().int().nonnegative(),
  minParticipants: z.number().int().positive(),
  /** Households still needed to form ("差 M 户成团"); 0 once reached. */
  missing: z.number().int().nonnegative(),
  soldOut: z.boolean(),
})

export const skuViewSchema = z.object({
  skuId: idSchema,
  title: z.string(),
  priceFen: fenSchema,
  stock: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
  limitPerHousehold: z.number().int().positive(),
})

export const campaignDetailSchema = campaignCardSchema.extend({
  description: z.string(),
  imageUrls: z.array(z.string()),
  skus: z.array(skuViewSchema),
  pickup: pickupSchema,
  communityName: z.string(),
  /** The caller's household in the campaign's community (the one an order is placed for), if any. */
  household: z.object({ householdId: idSchema, label: z.string() }).nullable(),
  canOrder: z.boolean(),
  /** Why ordering is not possible, in words for the resident; null when it is. */
  blockedReason: z.string().nullable(),
  /** Set when the viewer is a steward of this community: the id their share cards carry. */
  viewerStewardId: idSchema.nullable(),
  /** Server time, so the countdown does not depend on the phone's clock. */
  serverNow: isoDateTimeSchema,
})

export const entryLineSchema = z.object({ skuId: idSchema, title: z.string(), quantity: z.number().int().positive(), unitPriceFen: fenSchema })

export const myEntrySchema = z.object({
  orderId: idSchema,
  campaignId: idSchema,
  campaignTitle: z.string(),
  householdId: idSchema,
  stage: entryStageSchema,
  orderStatus: orderStatusSchema.nullable(),
  lines: z.array(entryLineSchema),
  amountFen: fenSchema,
  /** Shown as text and as a QR code once the group has formed. */
  pickupCode: z.string().nullable(),
  pickup: pickupSchema,
  createdAt: isoDateTimeSchema,
  pickedUpAt: isoDateTimeSchema.nullable(),
})

/** 8 digits; spaces are tolerated and the QR payload "GB:<code>" is accepted as scanned. */
export const pickupCodeInputSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/^GB:/i, '').replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{8}$/, '提货码为 8 位数字'))

const itemsSchema = z
  .array(z.object({ skuId: idSchema, quantity: z.number().int().min(1).max(99) }).strict())
  .min(1, '请至少选择一件商品')
  .max(20)
  .refine((items) => new Set(items.map((i) => i.skuId)).size === items.length, '同一商品请合并数量')

export const groupbuyContract = defineContract('groupbuy', {
  /** Campaigns of the caller's current community (or the one given), open ones first. */
  campaigns: query(
    pageSchema.extend({ communityId: idSchema.optional() }).strict(),
    z.object({ communityId: idSchema.nullable(), items: z.array(campaignCardSchema), hasMore: z.boolean() }),
  ),
  campaign: query(z.object({ campaignId: idSchema }).strict(), z.object({ campaign: campaignDetailSchema })),
  /** Checkout: reserves stock and the household's quota, creates the order, answers with prepay parameters. */
  placeOrder: mutation(
    z.object({ campaignId: idSchema, householdId: idSchema, items: itemsSchema }).strict(),
    z.object({ order: orderViewSchema, payment: paymentParamsSchema.nullable() }),
  ),
  /** Group-buy orders of the caller's households, newest first, with pickup codes. */
  myOrders: query(pageSchema.strict(), z.object({ items: z.array(myEntrySchema), hasMore: z.boolean() })),
  /** A share card was opened: remembers (resident, steward, campaign, group, time) for attribution. */
  recordTouch: mutation(
    z.object({ campaignId: idSchema, stewardId: idSchema, groupCloudId: z.string().min(1).max(1024).optional() }).strict(),
    z.object({ recorded: z.boolean() }),
  ),
  /** Steward (or ops) at the pickup point: a code redeems once. */
  redeemPickup: mutation(
    z.object({ code: pickupCodeInputSchema }).strict(),
    z.object({
      orderId: idSchema,
      campaignTitle: z.string(),
      householdLabel: z.string(),
      lines: z.array(entryLineSchema),
      amountFen: fenSchema,
      pickedUpAt: isoDateTimeSchema,
    }),
  ),
},
  {
    audience: {
      campaigns: ['user'],
      campaign: ['user'],
      placeOrder: ['member'],
      myOrders: ['user'],
      recordTouch: ['user'],
      redeemPickup: ['steward', 'ops'],
    },
    errors: [...codesOf(GROUPBUY_ERROR_MESSAGES), ...codesOf(ORDER_ERROR_MESSAGES), ...codesOf(HOUSEHOLD_ERROR_MESSAGES)],
  },
)

export type CampaignCard = z.infer<typeof campaignCardSchema>
export type CampaignDetail = z.infer<typeof campaignDetailSchema>
export type SkuView = z.infer<typeof skuViewSchema>
export type MyEntry = z.infer<typeof myEntrySchema>
export type EntryStage = z.infer<typeof entryStageSchema>
export type CampaignMode = z.infer<typeof campaignModeSchema>
export type CampaignStatus = z.infer<typeof campaignStatusSchema>
export type CampaignOutcome = z.infer<typeof campaignOutcomeSchema>
