import { z } from 'zod'
import { GROUPBUY_ERROR_MESSAGES } from './errors/groupbuy'
import { defineContract, mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema, pageSchema } from './common.schemas'
import { displayStatusSchema, orderStatusSchema, orderViewSchema, paymentParamsSchema } from './orders.contract'
import { entryLineSchema, groupbuyPickupActions, pickLineSchema } from './groupbuy-pickup.schemas'
import { groupbuyManageActions } from './groupbuy-manage.schemas'
import { groupbuyPollActions } from './groupbuy-poll.schemas'
import { campaignModeSchema, campaignOutcomeSchema, campaignStatusSchema, entryStageSchema } from './groupbuy-enums.schemas'

export { entryLineSchema, pickLineSchema, pickupCodeInputSchema, type PickLine, type PickupPreview, type TodayPickups } from './groupbuy-pickup.schemas'
export type { ManagedCampaign, CampaignChange } from './groupbuy-manage.schemas'
export type { PollView } from './groupbuy-poll.schemas'

export { GROUPBUY_ERROR_MESSAGES, type GroupbuyErrorCode } from './errors/groupbuy'

export { campaignModeSchema, campaignStatusSchema, campaignOutcomeSchema, entryStageSchema }

/* What a person reads about a group-buy order is `display` (the one order status model, order-status.schemas.ts). */

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
  /** Units held by paid and unpaid live orders over all SKUs ("已团 N 件"). */
  soldUnits: z.number().int().nonnegative(),
  /** The 划线价 of the cheapest SKU, shown struck beside "priceFromFen 起"; null when it has none. */
  originalPriceFromFen: fenSchema.nullable(),
})

export const skuViewSchema = z.object({
  skuId: idSchema,
  title: z.string(),
  priceFen: fenSchema,
  stock: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
  limitPerHousehold: z.number().int().positive(),
  /** 划线价 (the usual price); null when there is none. */
  originalPriceFen: fenSchema.nullable(),
  spec: z.string(),
  origin: z.string(),
  detail: z.string(),
  imageUrl: z.string().nullable(),
  sold: z.number().int().nonnegative(),
})

/** A neighbour who joined, as others may see them: masked name and a one-character avatar. */
export const joinerSchema = z.object({ name: z.string(), initial: z.string(), building: z.string() })

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
  /** Latest households to join (at most 8), masked. */
  joiners: z.array(joinerSchema),
  /** Who collects by default (the registry's owner), masked for display; the confirm page may replace it. */
  contact: z.object({ name: z.string(), phoneMasked: z.string() }).nullable(),
  /** Sharing is offered only while the campaign takes orders. */
  shareable: z.boolean(),
})


export const myEntrySchema = z.object({
  orderId: idSchema,
  campaignId: idSchema,
  campaignTitle: z.string(),
  householdId: idSchema,
  stage: entryStageSchema,
  orderStatus: orderStatusSchema.nullable(),
  /** The one order status model, as 我的订单 and 订单详情 show it for the same order. */
  display: displayStatusSchema,
  lines: z.array(entryLineSchema),
  amountFen: fenSchema,
  /** Shown as text and as a QR code once the group has formed. */
  pickupCode: z.string().nullable(),
  pickup: pickupSchema,
  createdAt: isoDateTimeSchema,
  pickedUpAt: isoDateTimeSchema.nullable(),
})

/** One group-buy order as its detail page shows it: lines with pickup progress, and the campaign's state. */
export const myEntryDetailSchema = myEntrySchema.extend({
  pickLines: z.array(pickLineSchema),
  contactName: z.string().nullable(),
  note: z.string(),
  participants: z.number().int().nonnegative(),
  minParticipants: z.number().int().positive(),
  missing: z.number().int().nonnegative(),
  campaignStatus: campaignStatusSchema,
  outcome: campaignOutcomeSchema.nullable(),
  deadline: isoDateTimeSchema,
  shareable: z.boolean(),
  viewerStewardId: idSchema.nullable(),
  /** For the invite poster: the campaign's first picture and its prices. */
  coverUrl: z.string().nullable(),
  priceFromFen: fenSchema,
  originalPriceFromFen: fenSchema.nullable(),
  communityName: z.string(),
})

export const contactInputSchema = z
  .object({
    name: z.string().trim().min(1, '请填写提货人').max(20),
    phone: z
      .string()
      .trim()
      .transform((p) => p.replace(/[\s-]/g, '').replace(/^\+?86/, ''))
      .pipe(z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确'))
      .optional(),
  })
  .strict()

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
    z
      .object({
        campaignId: idSchema,
        householdId: idSchema,
        items: itemsSchema,
        /** From the confirm page; without it the registry's owner collects. `phone` omitted keeps the registry's. */
        contact: contactInputSchema.optional(),
        note: z.string().trim().max(100, '备注最多 100 字').optional(),
      })
      .strict(),
    z.object({ order: orderViewSchema, payment: paymentParamsSchema.nullable() }),
  ),
  /** Group-buy orders of the caller's households, newest first, with pickup codes. */
  myOrders: query(pageSchema.strict(), z.object({ items: z.array(myEntrySchema), hasMore: z.boolean() })),
  /** One of the caller's group-buy orders: code, items and what was handed over, 差 N 户, whether to share. */
  myOrder: query(z.object({ orderId: idSchema }).strict(), z.object({ entry: myEntryDetailSchema })),
  /** A share card was opened: remembers (resident, steward, campaign, group, time) for attribution. */
  recordTouch: mutation(
    z.object({ campaignId: idSchema, stewardId: idSchema, groupCloudId: z.string().min(1).max(1024).optional() }).strict(),
    z.object({ recorded: z.boolean() }),
  ),
  ...groupbuyPickupActions,
  ...groupbuyManageActions,
  ...groupbuyPollActions,
},
  {
    audience: {
      campaigns: ['user'],
      campaign: ['user'],
      placeOrder: ['member'],
      myOrders: ['user'],
      recordTouch: ['user'],
      myOrder: ['user'],
      pickupLookup: ['steward', 'ops'],
      redeemPickup: ['steward', 'ops'],
      undoPickup: ['steward', 'ops'],
      todayPickups: ['steward', 'ops'],
      manageCampaigns: ['steward', 'ops'],
      campaignTemplates: ['steward', 'ops'],
      createCampaign: ['steward', 'ops'],
      extendCampaign: ['steward', 'ops'],
      closeCampaign: ['steward', 'ops'],
      campaignChanges: ['steward', 'ops'],
      openPoll: ['steward', 'ops'],
      polls: ['user'],
      poll: ['user'],
      registerIntent: ['member'],
      withdrawIntent: ['member'],
    },
    errors: {
      campaigns: [],
      campaign: ['GROUPBUY.CAMPAIGN_NOT_FOUND'],
      placeOrder: ['GROUPBUY.CAMPAIGN_NOT_FOUND', 'GROUPBUY.DEADLINE_PASSED', 'GROUPBUY.LIMIT_EXCEEDED', 'GROUPBUY.NOT_OPEN', 'GROUPBUY.SKU_NOT_FOUND', 'GROUPBUY.SOLD_OUT', 'GROUPBUY.WRONG_COMMUNITY', 'ORDER.EXPIRED', 'ORDER.INVALID_LINES'],
      myOrders: [],
      myOrder: ['GROUPBUY.CAMPAIGN_NOT_FOUND', 'GROUPBUY.ORDER_NOT_FOUND'],
      recordTouch: [],
      pickupLookup: ['GROUPBUY.PICKUP_CODE_INVALID', 'GROUPBUY.PICKUP_NOT_READY', 'GROUPBUY.PICKUP_WRONG_COMMUNITY'],
      redeemPickup: ['GROUPBUY.PICKUP_ALREADY_REDEEMED', 'GROUPBUY.PICKUP_CHANGED', 'GROUPBUY.PICKUP_CODE_INVALID', 'GROUPBUY.PICKUP_NOT_READY', 'GROUPBUY.PICKUP_TOO_MANY', 'GROUPBUY.PICKUP_WRONG_COMMUNITY', 'GROUPBUY.SKU_NOT_FOUND', 'ORDER.ILLEGAL_TRANSITION', 'ORDER.NOT_FOUND'],
      undoPickup: ['GROUPBUY.ORDER_NOT_FOUND', 'GROUPBUY.UNDO_EXPIRED', 'GROUPBUY.UNDO_NOT_ALLOWED'],
      todayPickups: [],
      manageCampaigns: [],
      campaignTemplates: [],
      createCampaign: ['COMMUNITY.NOT_FOUND', 'FILE.NOT_FOUND', 'FILE.TOO_LARGE', 'FILE.TOO_MANY', 'FILE.TYPE_NOT_ALLOWED', 'GROUPBUY.INVALID_SCHEDULE'],
      extendCampaign: ['GROUPBUY.CAMPAIGN_NOT_FOUND', 'GROUPBUY.INVALID_SCHEDULE', 'GROUPBUY.NOT_CHANGEABLE'],
      closeCampaign: ['GROUPBUY.CAMPAIGN_NOT_FOUND', 'GROUPBUY.NOT_CHANGEABLE', 'GROUPBUY.NOT_OPEN', 'ORDER.ILLEGAL_TRANSITION', 'ORDER.NOT_FOUND', 'ORDER.REFUND_EXCEEDS_PAID'],
      campaignChanges: ['GROUPBUY.CAMPAIGN_NOT_FOUND'],
      openPoll: ['FILE.NOT_FOUND', 'FILE.TOO_LARGE', 'FILE.TOO_MANY', 'FILE.TYPE_NOT_ALLOWED', 'GROUPBUY.INVALID_SCHEDULE'],
      polls: [],
      poll: ['GROUPBUY.POLL_NOT_FOUND'],
      registerIntent: ['GROUPBUY.LIMIT_EXCEEDED', 'GROUPBUY.POLL_CLOSED', 'GROUPBUY.POLL_NOT_FOUND', 'GROUPBUY.WRONG_COMMUNITY'],
      withdrawIntent: ['GROUPBUY.POLL_CLOSED', 'GROUPBUY.POLL_NOT_FOUND', 'GROUPBUY.WRONG_COMMUNITY'],
    },
  },
)

export type MyEntryDetail = z.infer<typeof myEntryDetailSchema>
export type CampaignCard = z.infer<typeof campaignCardSchema>
export type CampaignDetail = z.infer<typeof campaignDetailSchema>
export type SkuView = z.infer<typeof skuViewSchema>
export type MyEntry = z.infer<typeof myEntrySchema>
export type EntryStage = z.infer<typeof entryStageSchema>
export type CampaignMode = z.infer<typeof campaignModeSchema>
export type CampaignStatus = z.infer<typeof campaignStatusSchema>
export type CampaignOutcome = z.infer<typeof campaignOutcomeSchema>
