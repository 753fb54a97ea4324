import { z } from 'zod'
import { mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema } from './common.schemas'
import { campaignModeSchema, campaignOutcomeSchema, campaignStatusSchema } from './groupbuy-enums.schemas'

const skuInput = z
  .object({
    title: z.string().trim().min(1).max(30),
    priceFen: fenSchema.min(1, '价格至少 1 分'),
    /** Stock mode: units on hand. Pre-sale: the most that will be procured (a cap on demand). */
    stock: z.number().int().min(1).max(100_000),
    limitPerHousehold: z.number().int().min(1).max(99),
    /** 划线价; when given it must be above the group price, or it is not a discount. */
    originalPriceFen: fenSchema.optional(),
    spec: z.string().trim().max(40).default(''),
    origin: z.string().trim().max(30).default(''),
    detail: z.string().trim().max(500).default(''),
    /** fileID of the SKU photo under groupbuy/. */
    image: z.string().min(1).max(300).optional(),
  })
  .strict()
  .refine((s) => s.originalPriceFen === undefined || s.originalPriceFen > s.priceFen, { message: '划线价须高于团购价', path: ['originalPriceFen'] })

export const createCampaignInput = z
  .object({
    communityId: idSchema,
    title: z.string().trim().min(1).max(40),
    description: z.string().trim().max(1000).default(''),
    /** fileIDs uploaded to cloud storage under groupbuy/ (at most 9 images, 5 MB each). */
    images: z.array(z.string().min(1).max(300)).max(9).default([]),
    mode: campaignModeSchema.default('stock'),
    minParticipants: z.number().int().min(1).max(100_000),
    deadline: isoDateTimeSchema,
    pickup: z
      .object({ point: z.string().trim().min(1).max(60), startsAt: isoDateTimeSchema, endsAt: isoDateTimeSchema })
      .strict()
      .refine((p) => Date.parse(p.endsAt) > Date.parse(p.startsAt), { message: '自提结束时间须晚于开始时间', path: ['endsAt'] }),
    skus: z.array(skuInput).min(1).max(20),
    /** Open for orders at once (default) or keep as a draft to publish later. */
    publish: z.boolean().default(true),
  })
  .strict()
  .refine((c) => Date.parse(c.pickup.startsAt) >= Date.parse(c.deadline), { message: '自提开始时间不能早于截止时间', path: ['pickup', 'startsAt'] })

export const opsCampaignRowSchema = z.object({
  campaignId: idSchema,
  title: z.string(),
  mode: campaignModeSchema,
  status: campaignStatusSchema,
  outcome: campaignOutcomeSchema.nullable(),
  deadline: isoDateTimeSchema,
  participants: z.number().int(),
  minParticipants: z.number().int(),
  /** Per SKU: how many are held by live orders (unpaid within 15 min, or paid). For pre-sale: what to procure. */
  skus: z.array(z.object({ skuId: idSchema, title: z.string(), priceFen: fenSchema, stock: z.number().int(), sold: z.number().int() })),
})

export const closingSummarySchema = z.object({
  decided: z.number().int(),
  formed: z.number().int(),
  failed: z.number().int(),
  pickupCodesIssued: z.number().int(),
  refundsRequested: z.number().int(),
  closed: z.number().int(),
  errors: z.number().int(),
})

/** Group-buy campaigns: the group-buy area's console events (docs/groupbuy.md, docs/ops.md). */
export const opsGroupbuyActions = {
  groupbuyCreateCampaign: mutation(createCampaignInput, z.object({ campaignId: idSchema, status: campaignStatusSchema })),
  groupbuyPublishCampaign: mutation(z.object({ campaignId: idSchema }).strict(), z.object({ campaignId: idSchema, status: campaignStatusSchema })),
  groupbuyCampaigns: query(z.object({ communityId: idSchema }).strict(), z.object({ campaigns: z.array(opsCampaignRowSchema) })),
  /** Ends an open campaign before its deadline (e.g. sold out, goods ready) and decides it at once. */
  groupbuyCloseNow: mutation(z.object({ campaignId: idSchema }).strict(), closingSummarySchema),
  /** Runs the closing job now (the timer runs it every minute anyway); safe to repeat. */
  groupbuyCloseDue: mutation(z.object({}).strict(), closingSummarySchema),
}

export type ClosingSummary = z.infer<typeof closingSummarySchema>
export type CreateCampaignInput = z.infer<typeof createCampaignInput>
