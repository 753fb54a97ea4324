import { z } from 'zod'
import { defineContract, mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema } from './common.schemas'
import { eventBase, eventCardSchema, eventCategorySchema, eventKindSchema, eventListInput, eventListOutput, mySignupSchema } from './events-card.schemas'

export { EVENT_KIND_LABELS, eventBase, eventCardSchema, eventCategorySchema, eventKindSchema, mySignupSchema, signupStatusSchema } from './events-card.schemas'
export type { EventCard, EventCategory } from './events-card.schemas'

export const activityRefSchema = z.object({ kind: z.enum(['event', 'campaign']), id: idSchema }).strict()
export type ActivityRef = z.infer<typeof activityRefSchema>

/** Who bears a cost. A free-text party with its kind until merchants have their own registry. */
export const partySchema = z
  .object({ kind: z.enum(['property', 'merchant', 'supplier']), name: z.string().trim().min(1, '请填写承担方名称').max(30, '承担方名称最多 30 个字') })
  .strict()
export const PARTY_KIND_LABELS: Record<z.infer<typeof partySchema>['kind'], string> = { property: '物业', merchant: '商家赞助', supplier: '供应商' }

export const costItemSchema = z.enum(['prize', 'material', 'venue', 'subsidy', 'other'])
export const COST_ITEM_LABELS: Record<z.infer<typeof costItemSchema>, string> = { prize: '奖品', material: '物料', venue: '场地', subsidy: '补贴', other: '其他' }
export const costStatusSchema = z.enum(['submitted', 'approved', 'rejected'])

export const attendeeSchema = z.object({
  householdLabel: z.string(),
  signedAt: isoDateTimeSchema,
  checkInAt: isoDateTimeSchema.nullable(),
  checkOutAt: isoDateTimeSchema.nullable(),
  dwellMinutes: z.number().int().nullable(),
})

export const attendanceSchema = z.object({
  event: z.object(eventBase),
  signedUp: z.number().int(),
  checkedIn: z.number().int(),
  onSite: z.number().int(),
  checkedOut: z.number().int(),
  averageDwellMinutes: z.number().int().nullable(),
  attendees: z.array(attendeeSchema),
})

const MAX_EVENT_MS = 3 * 24 * 3600_000
const windowOk = (v: { startsAt: string; endsAt: string }) => Date.parse(v.endsAt) > Date.parse(v.startsAt) && Date.parse(v.endsAt) - Date.parse(v.startsAt) <= MAX_EVENT_MS
const WINDOW_MESSAGE = { message: '结束时间须晚于开始时间，且活动最长 3 天', path: ['endsAt'] }

/**
 * What an organiser fills in for an event, the same when it is created and when it is edited: the base both
 * inputs spread in, so a rule or a message changed here holds for both.
 */
export const eventFieldsSchema = z.object({
  title: z.string().trim().min(2, '标题至少 2 个字').max(40, '标题最多 40 个字'),
  category: eventCategorySchema,
  venue: z.string().trim().min(2, '请填写活动地点').max(40, '地点最多 40 个字'),
  description: z.string().trim().max(500, '介绍最多 500 字').default(''),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  signupLimit: z.number().int('名额须为整数').min(1, '名额至少 1 户').max(2000, '名额最多 2000 户'),
})
export type EventFields = z.infer<typeof eventFieldsSchema>

// The shape is spread (not .extend) so the keys keep their order, and with it the order zod reports issues in.
export const createEventInput = z
  .object({
    kind: eventKindSchema,
    ...eventFieldsSchema.shape,
    /** Empty = every household of the community. */
    buildingIds: z.array(idSchema).max(50).default([]),
    communityId: idSchema.optional(),
  })
  .strict()
  .refine(windowOk, WINDOW_MESSAGE)

/**
 * 编辑活动 by its organisers before it starts: everything but the kind and the buildings in scope. The
 * limit may not go below the households already signed up (EVENT.LIMIT_BELOW_SIGNED); a higher one
 * promotes the waitlist in order.
 */
export const editEventInput = z
  .object({ eventId: idSchema, ...eventFieldsSchema.shape })
  .strict()
  .refine(windowOk, WINDOW_MESSAGE)

export const cancelEventInput = z.object({ eventId: idSchema, reason: z.string().trim().min(2, '请填写取消原因').max(40, '取消原因最多 40 个字') }).strict()

/** What the organiser's phone shows: 6 digits (typed on H5) and the same in a QR payload (scanned on weapp). */
export const eventCodeSchema = z.object({
  eventId: idSchema,
  code: z.string().regex(/^\d{6}$/),
  qr: z.string(),
  expiresAt: isoDateTimeSchema,
  refreshInSeconds: z.number().int(),
})

/** A scanned QR ("EVT1.<eventId>.<digits>") or the typed 6 digits with the event the page is about. */
export const scanInput = z
  .object({
    eventId: idSchema.optional(),
    code: z.string().trim().min(1, '请输入活动码').max(120, '活动码不正确'),
    householdId: idSchema.optional(),
  })
  .strict()

export const scanOutput = z.object({ eventId: idSchema, title: z.string(), action: z.enum(['checked_in', 'checked_out']), mine: mySignupSchema })

export const costSchema = z.object({
  costId: idSchema,
  title: z.string(),
  item: costItemSchema,
  amountFen: z.number().int(),
  activities: z.array(z.object({ ref: activityRefSchema, title: z.string(), fen: z.number().int(), basisFen: z.number().int().nullable() })),
  activityRule: z.enum(['equal', 'gmv']),
  bearers: z.array(z.object({ party: partySchema, fen: z.number().int() })),
  receipts: z.array(z.object({ fileId: z.string(), url: z.string().nullable() })),
  note: z.string(),
  status: costStatusSchema,
  submittedBy: z.string(),
  submittedAt: isoDateTimeSchema,
  reviewedBy: z.string().nullable(),
  reviewedAt: isoDateTimeSchema.nullable(),
  reviewNote: z.string(),
  mineToReview: z.boolean(),
})
export type CostView = z.infer<typeof costSchema>

export const submitCostInput = z
  .object({
    title: z.string().trim().min(2, '请填写费用名称').max(40, '费用名称最多 40 个字'),
    item: costItemSchema,
    amountFen: fenSchema.refine((v) => v > 0, '金额须大于 0'),
    /** One activity, or several sharing the cost by `activityRule`. */
    activities: z.array(activityRefSchema).min(1, '至少选择一个活动').max(20, '最多分摊到 20 个活动'),
    activityRule: z.enum(['equal', 'gmv']).default('equal'),
    /** One party, or several sponsors sharing the cost equally or by `bearerWeights`. */
    bearers: z.array(partySchema).min(1, '请填写承担方').max(10, '承担方最多 10 个'),
    bearerWeights: z.array(z.number().int().min(1).max(10_000)).max(10).optional(),
    receipts: z.array(z.string().max(300)).min(1, '请上传票据照片').max(9, '票据最多 9 张'),
    note: z.string().trim().max(200, '备注最多 200 字').default(''),
  })
  .strict()
  .refine((v) => !v.bearerWeights || v.bearerWeights.length === v.bearers.length, { message: '承担比例须与承担方一一对应', path: ['bearerWeights'] })

export const roiRowSchema = z.object({
  ref: activityRefSchema,
  title: z.string(),
  category: eventCategorySchema.nullable(),
  /** Net paid GMV the activity is credited with (docs/events.md: the definition). */
  gmvFen: z.number().int(),
  orders: z.number().int(),
  /** Of the orders, paid home services (the rest are group buys). */
  serviceOrders: z.number().int(),
  /** The rate the margin is taken at: the activity's own (activity) or its category's (category, ROI 设置). */
  marginRateBp: z.number().int(),
  marginRateSource: z.enum(['activity', 'category']),
  marginFen: z.number().int(),
  approvedCostFen: z.number().int(),
  pendingCostFen: z.number().int(),
  /** margin ÷ approved cost, 2 decimals; null without approved cost. */
  roi: z.number().nullable(),
  attendees: z.number().int().nullable(),
})

export const activitySettingsInput = z
  .object({
    ref: activityRefSchema,
    category: eventCategorySchema.optional(),
    /** null clears the activity's own rate: the category's rate (ROI 设置) applies again. */
    marginRateBp: z.number().int().min(0, '毛利率不能为负').max(10_000, '毛利率最多 100%').nullable().optional(),
    attributionDays: z.number().int().min(0).max(60, '归因天数最多 60 天').nullable().optional(),
  })
  .strict()

const bpSchema = z.number().int().min(0, '毛利率不能为负').max(10_000, '毛利率最多 100%')

/** ROI 设置 of the community: margin rate per category, the attribution window, each paid service's category. */
export const roiSettingsInput = z
  .object({
    communityId: idSchema.optional(),
    /** Basis points per category (1800 = 18 %); null = back to the default. */
    categoryMarginBp: z.partialRecord(eventCategorySchema, bpSchema.nullable()).optional(),
    attributionDays: z.number().int().min(0, '归因天数不能为负').max(60, '归因天数最多 60 天').optional(),
    /** service item id → category; null = not filed (its orders count for no event). */
    serviceCategories: z.record(idSchema, eventCategorySchema.nullable()).optional(),
  })
  .strict()

export const roiSettingsSchema = z.object({
  communityId: idSchema,
  defaultMarginRateBp: z.number().int(),
  categories: z.array(z.object({ category: eventCategorySchema, marginRateBp: z.number().int().nullable() })),
  attributionDays: z.number().int(),
  services: z.array(z.object({ id: idSchema, title: z.string(), active: z.boolean(), category: eventCategorySchema.nullable() })),
  campaigns: z.array(z.object({ id: idSchema, title: z.string(), category: eventCategorySchema.nullable(), ownMarginRateBp: z.number().int().nullable() })),
  updatedAt: isoDateTimeSchema.nullable(),
})
export type RoiSettings = z.infer<typeof roiSettingsSchema>

const eventRef = z.object({ eventId: idSchema }).strict()

export const eventsContract = defineContract(
  'events',
  {
    /** Events the resident's building may join, newest first, with their own sign-up. */
    list: query(eventListInput, eventListOutput),
    detail: query(z.object({ eventId: idSchema, householdId: idSchema.optional() }).strict(), eventCardSchema),
    signUp: mutation(z.object({ eventId: idSchema, householdId: idSchema.optional() }).strict(), eventCardSchema),
    /** 取消报名, or leave the waitlist. */
    cancelSignup: mutation(z.object({ eventId: idSchema, householdId: idSchema.optional() }).strict(), eventCardSchema),
    /** 加入候补 when the event is full (a free place, if one opened meanwhile, is taken at once). */
    joinWaitlist: mutation(z.object({ eventId: idSchema, householdId: idSchema.optional() }).strict(), eventCardSchema),
    /** Check-in on the first valid code, check-out on a later one. */
    scan: mutation(scanInput, scanOutput),
    create: mutation(createEventInput, z.object({ eventId: idSchema })),
    edit: mutation(editEventInput, z.object({ eventId: idSchema, signupLimit: z.number().int(), signedUp: z.number().int(), waiting: z.number().int(), promoted: z.number().int() })),
    /** 取消活动: every signed-up and waiting household is told, and the places are released. */
    cancel: mutation(cancelEventInput, z.object({ eventId: idSchema, status: z.enum(['open', 'cancelled']), notified: z.number().int() })),
    /** Organiser view: the community's events with counts. */
    manageList: query(
      z.object({ communityId: idSchema.optional() }).strict(),
      z.object({
        communityId: idSchema,
        /** For the create form's scope chips. */
        buildings: z.array(z.object({ id: idSchema, name: z.string() })),
        events: z.array(z.object(eventBase).extend({ checkedIn: z.number().int() })),
      }),
    ),
    /** The rotating event code for the organiser's screen; signing only, nothing is written. */
    code: query(eventRef, eventCodeSchema),
    attendance: query(eventRef, attendanceSchema),
    /** Events and group-buy campaigns of the community, for the cost form's picker. */
    activities: query(
      z.object({ communityId: idSchema.optional() }).strict(),
      z.object({ activities: z.array(z.object({ ref: activityRefSchema, title: z.string(), category: eventCategorySchema.nullable(), at: isoDateTimeSchema })) }),
    ),
    submitCost: mutation(submitCostInput, costSchema),
    costs: query(z.object({ status: costStatusSchema.optional(), communityId: idSchema.optional() }).strict(), z.object({ costs: z.array(costSchema) })),
    /** 费用核销: approve or reject a submitted cost; the approver must not be the submitter. */
    reviewCost: mutation(
      z.object({ costId: idSchema, decision: z.enum(['approve', 'reject']), note: z.string().trim().max(200).default('') }).strict(),
      costSchema,
    ),
    roi: query(z.object({ communityId: idSchema.optional() }).strict(), z.object({ rows: z.array(roiRowSchema), totals: z.object({ gmvFen: z.number().int(), marginFen: z.number().int(), approvedCostFen: z.number().int(), pendingCostFen: z.number().int() }) })),
    activitySettings: mutation(activitySettingsInput, z.object({ ref: activityRefSchema, category: eventCategorySchema.nullable(), marginRateBp: z.number().int().nullable(), attributionDays: z.number().int() })),
    roiSettings: query(z.object({ communityId: idSchema.optional() }).strict(), roiSettingsSchema),
    setRoiSettings: mutation(roiSettingsInput, roiSettingsSchema),
  },
  {
    audience: {
      list: ['member'],
      detail: ['member', 'steward', 'ops'],
      signUp: ['member'],
      cancelSignup: ['member'],
      joinWaitlist: ['member'],
      edit: ['steward', 'ops'],
      scan: ['member'],
      create: ['steward', 'ops'],
      cancel: ['steward', 'ops'],
      manageList: ['steward', 'ops'],
      code: ['steward', 'ops'],
      attendance: ['steward', 'ops'],
      activities: ['steward', 'ops'],
      submitCost: ['steward', 'ops'],
      costs: ['steward', 'ops'],
      reviewCost: ['ops'],
      roi: ['ops', 'console'],
      activitySettings: ['ops'],
      roiSettings: ['ops'],
      setRoiSettings: ['ops'],
    },
    errors: {
      list: [],
      detail: ['EVENT.NOT_FOUND'],
      signUp: ['EVENT.CANCELLED', 'EVENT.FULL', 'EVENT.NOT_ELIGIBLE', 'EVENT.NOT_FOUND', 'EVENT.SIGNUP_CLOSED'],
      cancelSignup: ['EVENT.ALREADY_CHECKED_IN', 'EVENT.NOT_ELIGIBLE', 'EVENT.NOT_FOUND', 'EVENT.NOT_SIGNED_UP', 'EVENT.SIGNUP_CLOSED'],
      scan: ['EVENT.ALREADY_CHECKED_IN', 'EVENT.ALREADY_CHECKED_OUT', 'EVENT.CANCELLED', 'EVENT.CODE_EXPIRED', 'EVENT.CODE_INVALID', 'EVENT.CODE_REPLAYED', 'EVENT.NOT_CONFIGURED', 'EVENT.NOT_ELIGIBLE', 'EVENT.NOT_FOUND', 'EVENT.NOT_OPEN_NOW', 'EVENT.NOT_SIGNED_UP', 'PROFILE.INTERACTION_INVALID'],
      create: ['EVENT.SCOPE_INVALID', 'EVENT.WINDOW_INVALID'],
      joinWaitlist: ['EVENT.CANCELLED', 'EVENT.NOT_ELIGIBLE', 'EVENT.NOT_FOUND', 'EVENT.SIGNUP_CLOSED'],
      edit: ['EVENT.CANCELLED', 'EVENT.LIMIT_BELOW_SIGNED', 'EVENT.NOT_FOUND', 'EVENT.STARTED', 'EVENT.WINDOW_INVALID'],
      cancel: ['EVENT.NOT_FOUND', 'EVENT.STARTED'],
      manageList: [],
      code: ['EVENT.CANCELLED', 'EVENT.NOT_CONFIGURED', 'EVENT.NOT_OPEN_NOW'],
      attendance: [],
      activities: [],
      submitCost: ['EVENT.ACTIVITY_NOT_FOUND', 'EVENT.ALLOCATION_INVALID', 'EVENT.ALLOCATION_NO_GMV', 'FILE.NOT_FOUND', 'FILE.TOO_LARGE', 'FILE.TOO_MANY', 'FILE.TYPE_NOT_ALLOWED'],
      costs: [],
      reviewCost: ['EVENT.ACTIVITY_NOT_FOUND', 'EVENT.ALLOCATION_INVALID', 'EVENT.ALLOCATION_NO_GMV', 'EVENT.COST_NOT_FOUND', 'EVENT.COST_NOT_PENDING', 'EVENT.SELF_APPROVAL'],
      roi: [],
      activitySettings: ['EVENT.ACTIVITY_NOT_FOUND'],
      roiSettings: [],
      setRoiSettings: ['EVENT.SERVICE_NOT_FOUND'],
    },
  },
)

export type ScanOutput = z.infer<typeof scanOutput>
export type RoiRow = z.infer<typeof roiRowSchema>
