import { z } from 'zod'
import { defineContract, mutation, query } from './envelope'
import { idSchema, isoDateTimeSchema } from './common.schemas'
import {
  INTEREST_CATEGORIES,
  conversionSchema,
  interestCategorySchema,
  pushResultSchema,
  segmentCriteriaSchema,
  segmentPreviewSchema,
  segmentSummarySchema,
  slowMoverReportSchema,
  tagIdSchema,
} from './profiles-segment.schemas'

export { INTEREST_CATEGORIES }

const tagViewSchema = z.object({ tagId: z.string(), family: z.string(), label: z.string(), kind: z.enum(['rule', 'manual']) })
const communityInput = z.object({ communityId: idSchema.optional() }).strict()

/**
 * 住户画像与精准推送. Staff (ops, stewards within their grid) build segments from tags, interest scores and
 * buildings, preview them masked, push to them and read conversion; ops watch slow movers. Residents only
 * choose whether they receive pushes and open what they were sent: no action answers a resident with tags,
 * scores or segments (the audience gate refuses them before any rule runs).
 */
export const profilesContract = defineContract(
  'profiles',
  {
    // ---- staff ----
    catalog: query(
      communityInput,
      z.object({
        communityId: idSchema,
        role: z.enum(['ops', 'steward']),
        buildings: z.array(z.object({ buildingId: idSchema, name: z.string() })),
        categories: z.array(interestCategorySchema),
        families: z.array(z.string()),
        tags: z.array(tagViewSchema),
      }),
    ),
    previewSegment: query(z.object({ communityId: idSchema, criteria: segmentCriteriaSchema }).strict(), segmentPreviewSchema),
    saveSegment: mutation(
      z.object({ communityId: idSchema, name: z.string().trim().min(2, '人群名称至少 2 个字').max(30, '人群名称最多 30 个字'), criteria: segmentCriteriaSchema }).strict(),
      z.object({ segmentId: idSchema, size: z.number().int() }),
    ),
    segments: query(z.object({ communityId: idSchema }).strict(), z.object({ segments: z.array(segmentSummarySchema) })),
    push: mutation(
      z
        .object({
          segmentId: idSchema,
          title: z.string().trim().min(2, '标题至少 2 个字').max(20, '标题最多 20 个字'),
          body: z.string().trim().min(2, '内容至少 2 个字').max(200, '内容最多 200 个字'),
          campaignId: idSchema.nullable().default(null),
          itemIds: z.array(idSchema).max(20).default([]),
        })
        .strict(),
      pushResultSchema,
    ),
    conversion: query(z.object({ communityId: idSchema }).strict(), conversionSchema),
    tagHousehold: mutation(
      z.object({ householdId: idSchema, tagId: tagIdSchema, on: z.boolean() }).strict(),
      z.object({ householdId: idSchema, tagId: z.string(), on: z.boolean() }),
    ),
    defineTag: mutation(
      z
        .object({
          communityId: idSchema,
          family: z.string().trim().min(2).max(10),
          label: z.string().trim().min(2).max(16),
          interest: z.object({ category: interestCategorySchema, minScore: z.number().positive().max(1000) }).strict().nullable().default(null),
        })
        .strict(),
      tagViewSchema,
    ),
    slowMovers: query(z.object({ communityId: idSchema }).strict(), slowMoverReportSchema),
    markSlowMover: mutation(z.object({ communityId: idSchema, skuId: idSchema, slow: z.boolean() }).strict(), z.object({ skuId: idSchema, slow: z.boolean() })),
    // ---- residents ----
    pushSetting: query(z.object({}).strict(), z.object({ optedOut: z.boolean(), reminders: z.number().int() })),
    /** One answer of WeChat's subscribe dialog for the profile_push template (asked on a tap in the mini-program). */
    recordConsent: mutation(
      z.object({ template: z.literal('profile_push'), answer: z.enum(['accept', 'reject', 'ban']) }).strict(),
      z.object({ template: z.string(), credits: z.number().int() }),
    ),
    setPushOptOut: mutation(z.object({ optedOut: z.boolean() }).strict(), z.object({ optedOut: z.boolean() })),
    openPush: mutation(
      z.object({ pushId: z.string().regex(/^push_[a-f0-9]{24}$/, '消息 id 格式不正确') }).strict(),
      z.object({ title: z.string(), body: z.string(), campaignId: idSchema.nullable(), sentAt: isoDateTimeSchema }),
    ),
    // ---- console ----
    runInterest: mutation(
      z.object({}).strict(),
      z.object({ dirty: z.number().int(), communities: z.array(z.object({ communityId: z.string(), phase: z.string(), households: z.number().int() })), dbCalls: z.number().int(), finished: z.boolean() }),
    ),
  },
  {
    audience: {
      catalog: ['steward', 'ops'],
      previewSegment: ['steward', 'ops'],
      saveSegment: ['steward', 'ops'],
      segments: ['steward', 'ops'],
      push: ['steward', 'ops'],
      conversion: ['steward', 'ops'],
      tagHousehold: ['steward', 'ops'],
      defineTag: ['ops'],
      slowMovers: ['ops'],
      markSlowMover: ['ops'],
      pushSetting: ['member'],
      recordConsent: ['member'],
      setPushOptOut: ['member'],
      openPush: ['member'],
      runInterest: ['console'],
    },
    errors: {
      catalog: [],
      previewSegment: ['PROFILE.TAG_UNKNOWN'],
      saveSegment: ['PROFILE.TAG_UNKNOWN'],
      segments: [],
      push: ['PROFILE.SEGMENT_EMPTY'],
      conversion: [],
      tagHousehold: ['PROFILE.TAG_NOT_MANUAL', 'PROFILE.TAG_UNKNOWN'],
      defineTag: [],
      slowMovers: [],
      markSlowMover: ['PROFILE.ITEM_NOT_FOUND'],
      pushSetting: [],
      recordConsent: [],
      setPushOptOut: [],
      openPush: [],
      runInterest: [],
    },
  },
)
