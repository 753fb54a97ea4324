import { z } from 'zod'
import { idSchema, isoDateTimeSchema } from './common.schemas'

/** The scenario categories interest is scored in (the 兴趣 part of the tag families). */
export const INTEREST_CATEGORIES = ['生鲜', '母婴', '宠物', '家政', '家电', '日用', '维修服务'] as const
export const interestCategorySchema = z.enum(INTEREST_CATEGORIES)
export const tagIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,48}$/, '标签 id 格式不正确')

/** What a segment selects; each part given narrows it. */
export const segmentCriteriaSchema = z
  .object({
    /** Empty: every building the builder may target (a steward: their grid). */
    buildingIds: z.array(idSchema).max(100).default([]),
    /** 近 N 天买过某类商品 */
    purchased: z.object({ category: interestCategorySchema, withinDays: z.number().int().min(1).max(365) }).strict().nullable().default(null),
    /** 兴趣分 ≥ minScore (decayed to now) */
    interest: z.object({ category: interestCategorySchema, minScore: z.number().positive().max(1000) }).strict().nullable().default(null),
    /** Carries every one of these tags. */
    tagIds: z.array(tagIdSchema).max(10).default([]),
  })
  .strict()

export const segmentPreviewSchema = z.object({
  size: z.number().int(),
  /** Masked: building, unit and the first digit of the room; the owner's surname. No scores, no tags. */
  preview: z.array(z.object({ label: z.string(), owner: z.string() })),
})

export const segmentSummarySchema = z.object({
  segmentId: idSchema,
  name: z.string(),
  criteria: segmentCriteriaSchema,
  lastSize: z.number().int(),
  createdByRole: z.enum(['ops', 'steward']),
  createdAt: isoDateTimeSchema,
})

export const pushGroupSchema = z.object({ groupId: idSchema, name: z.string(), members: z.number().int() })

export const pushResultSchema = z.object({
  pushId: z.string(),
  households: z.number().int(),
  recipients: z.number().int(),
  skippedOptOut: z.number().int(),
  skippedRateLimit: z.number().int(),
  /** Recipients who had a subscribe-message consent left: they got a WeChat card; the rest only the 消息中心 copy. */
  subscribeMessages: z.number().int(),
  groups: z.array(pushGroupSchema),
})

const rateSchema = z.object({ sent: z.number().int(), opened: z.number().int(), ordered: z.number().int(), orderFen: z.number().int() })

export const conversionSchema = z.object({
  pushes: z.array(
    rateSchema.extend({
      pushId: z.string(),
      segmentId: z.string(),
      segmentName: z.string(),
      title: z.string(),
      at: isoDateTimeSchema,
      households: z.number().int(),
      skippedOptOut: z.number().int(),
      skippedRateLimit: z.number().int(),
      groups: z.array(pushGroupSchema),
    }),
  ),
  bySegment: z.array(rateSchema.extend({ segmentId: z.string(), name: z.string() })),
  byPusher: z.array(rateSchema.extend({ pusher: z.string(), role: z.string() })),
})

export const slowMoverReportSchema = z.object({
  threshold: z.number(),
  windowDays: z.number().int(),
  items: z.array(
    z.object({
      skuId: z.string(),
      title: z.string(),
      campaignId: z.string(),
      campaignTitle: z.string(),
      stock: z.number().int(),
      /** Paid units (unpaid orders' holds excluded, fully refunded orders given back). */
      sold: z.number().int(),
      sellThrough: z.number(),
      flaggedBy: z.enum(['ops', 'detector']),
      firstPushAt: isoDateTimeSchema.nullable(),
      ordersBefore: z.number().int().nullable(),
      ordersAfter: z.number().int().nullable(),
    }),
  ),
  /** 动销率: share of pushed slow SKUs with at least one order in the window; null before any push. */
  sellRateBefore: z.number().nullable(),
  sellRateAfter: z.number().nullable(),
})

export type SegmentCriteriaInput = z.infer<typeof segmentCriteriaSchema>
