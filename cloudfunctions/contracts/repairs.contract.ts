import { z } from 'zod'
import { defineContract, mutation, query } from './envelope'
import { idSchema, isoDateTimeSchema, pageSchema } from './common.schemas'

/** 报事报修. Labels live here because the mini-program shows them and the server writes notifications with them. */
export const REPAIR_CATEGORIES = ['plumbing', 'electrical', 'door_window', 'appliance', 'wall_floor', 'public_facility', 'other'] as const
export type RepairCategory = (typeof REPAIR_CATEGORIES)[number]
export const REPAIR_CATEGORY_LABELS: Record<RepairCategory, string> = {
  plumbing: '水管/下水',
  electrical: '电路/照明',
  door_window: '门窗/锁具',
  appliance: '家电/设备',
  wall_floor: '墙面/地面',
  public_facility: '公共设施',
  other: '其他',
}

export const REPAIR_STATUSES = ['submitted', 'assigned', 'accepted', 'in_progress', 'completed', 'rated', 'cancelled'] as const
export type RepairStatus = (typeof REPAIR_STATUSES)[number]
export const REPAIR_STATUS_LABELS: Record<RepairStatus, string> = {
  submitted: '待派单',
  assigned: '已派单',
  accepted: '已接单',
  in_progress: '维修中',
  completed: '已完成',
  rated: '已评价',
  cancelled: '已取消',
}

export const TIMELINE_ACTIONS = ['submitted', 'assigned', 'reassigned', 'accepted', 'started', 'completed', 'rated', 'cancelled', 'reopened', 'overdue'] as const
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number]
export const TIMELINE_LABELS: Record<TimelineAction, string> = {
  submitted: '提交报修',
  assigned: '已派单',
  reassigned: '改派',
  accepted: '师傅已接单',
  started: '师傅已上门，开始维修',
  completed: '维修完成',
  rated: '已评价',
  cancelled: '已取消',
  reopened: '重新打开',
  overdue: '超时提醒',
}

/** What the caller may do with a ticket now; the server decides, the page only shows the buttons. */
export const TICKET_ACTIONS = ['cancel', 'rate', 'reopen', 'accept', 'start', 'complete', 'reassign'] as const

const fileIdSchema = z.string().max(300).regex(/^cloud:\/\/\S+$/, '文件编号格式不正确')
const photosSchema = z.array(fileIdSchema).max(9, '最多上传 9 张照片').default([])
const windowSchema = z.object({ start: isoDateTimeSchema, end: isoDateTimeSchema }).strict()
const ticketRef = z.object({ ticketId: idSchema }).strict()
const score = z.number().int('评分须为整数').min(1, '评分为 1–5 分').max(5, '评分为 1–5 分')

export const placeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('household'), householdId: idSchema }).strict(),
  z
    .object({
      kind: z.literal('public'),
      communityId: idSchema,
      /** The building the area belongs to (lift, stairwell); omit for community-wide areas (gate, garden). */
      buildingId: idSchema.optional(),
      area: z.string().trim().min(2, '请填写具体位置').max(30, '位置描述不超过 30 字'),
    })
    .strict(),
])

export const summarySchema = z.object({
  id: idSchema,
  status: z.enum(REPAIR_STATUSES),
  category: z.enum(REPAIR_CATEGORIES),
  placeLabel: z.string(),
  /** First 60 characters of the description. */
  preview: z.string(),
  createdAt: isoDateTimeSchema,
  overdue: z.boolean(),
  assigneeName: z.string().nullable(),
  photoCount: z.number().int(),
})

const timelineSchema = z.object({
  at: isoDateTimeSchema,
  action: z.enum(TIMELINE_ACTIONS),
  by: z.enum(['resident', 'technician', 'steward', 'ops', 'system']),
  note: z.string().nullable(),
  technicianName: z.string().nullable(),
})

const ratingSchema = z.object({ arrival: score, attitude: score, process: score, etiquette: score, comment: z.string(), at: isoDateTimeSchema })
const photoSchema = z.object({ fileId: z.string(), url: z.string().nullable() })

export const ticketDetailSchema = summarySchema.extend({
  description: z.string(),
  photos: z.array(photoSchema),
  preferredWindow: windowSchema.nullable(),
  promisedWindow: windowSchema.nullable(),
  respondDueAt: isoDateTimeSchema,
  completionNote: z.string().nullable(),
  completionPhotos: z.array(photoSchema),
  rating: ratingSchema.nullable(),
  /** Until when the resident may reopen (7 days after completion), null when it does not apply. */
  reopenUntil: isoDateTimeSchema.nullable(),
  timeline: z.array(timelineSchema),
  viewerActions: z.array(z.enum(TICKET_ACTIONS)),
})

const listOutput = z.object({ items: z.array(summarySchema), hasMore: z.boolean() })
const transitionOutput = z.object({ ticketId: idSchema, status: z.enum(REPAIR_STATUSES) })

export const satisfactionFigureSchema = z.object({
  count: z.number().int(),
  arrival: z.number(),
  attitude: z.number(),
  process: z.number(),
  etiquette: z.number(),
  /** Mean of the four dimensions, 1–5, two decimals. */
  overall: z.number(),
})

export const repairsContract = defineContract('repairs', {
  // resident
  create: mutation(
    z
      .object({
        place: placeSchema,
        category: z.enum(REPAIR_CATEGORIES),
        description: z.string().trim().min(5, '请至少用 5 个字描述问题').max(500, '描述不超过 500 字'),
        photos: photosSchema,
        preferredWindow: windowSchema.optional(),
      })
      .strict(),
    z.object({ ticketId: idSchema, status: z.enum(REPAIR_STATUSES), assigneeName: z.string().nullable() }),
  ),
  mine: query(z.object({ filter: z.enum(['open', 'closed', 'all']).default('all') }).extend(pageSchema.shape).strict(), listOutput),
  detail: query(ticketRef, ticketDetailSchema),
  cancel: mutation(ticketRef.extend({ reason: z.string().trim().max(100).optional() }).strict(), transitionOutput),
  rate: mutation(
    ticketRef.extend({ arrival: score, attitude: score, process: score, etiquette: score, comment: z.string().trim().max(300, '评价不超过 300 字').default('') }).strict(),
    transitionOutput,
  ),
  reopen: mutation(ticketRef.extend({ reason: z.string().trim().min(2, '请说明原因').max(200) }).strict(), transitionOutput),
  // technician
  queue: query(z.object({ filter: z.enum(['active', 'done']).default('active') }).extend(pageSchema.shape).strict(), listOutput),
  accept: mutation(ticketRef.extend({ promisedWindow: windowSchema.optional() }).strict(), transitionOutput),
  start: mutation(ticketRef, transitionOutput),
  complete: mutation(ticketRef.extend({ note: z.string().trim().min(2, '请填写处理说明').max(300), photos: photosSchema }).strict(), transitionOutput),
  setAvailability: mutation(z.object({ available: z.boolean() }).strict(), z.object({ available: z.boolean() })),
  /** The technician's own card: on duty or not, and how much is on their plate. */
  myDuty: query(z.object({}).strict(), z.object({ name: z.string(), available: z.boolean(), openTickets: z.number().int() })),
  // steward / ops
  gridTickets: query(z.object({ filter: z.enum(['open', 'overdue', 'closed']).default('open') }).extend(pageSchema.shape).strict(), listOutput),
  technicians: query(
    z.object({}).strict(),
    z.object({ items: z.array(z.object({ technicianId: idSchema, name: z.string(), available: z.boolean(), openTickets: z.number().int() })) }),
  ),
  reassign: mutation(ticketRef.extend({ technicianId: idSchema, note: z.string().trim().max(100).optional() }).strict(), transitionOutput),
  satisfaction: query(
    z.object({}).strict(),
    z.object({
      month: z.string(),
      steward: z.object({ all: satisfactionFigureSchema, month: satisfactionFigureSchema }).nullable(),
      community: z.object({ communityId: idSchema, all: satisfactionFigureSchema, month: satisfactionFigureSchema }).nullable(),
    }),
  ),
},
  {
    audience: {
      create: ['member'],
      mine: ['user'],
      detail: ['member', 'steward', 'technician', 'ops'],
      cancel: ['member'],
      rate: ['member'],
      reopen: ['member'],
      queue: ['technician'],
      accept: ['technician'],
      start: ['technician'],
      complete: ['technician'],
      setAvailability: ['technician'],
      myDuty: ['technician'],
      gridTickets: ['steward', 'ops'],
      technicians: ['steward', 'ops'],
      reassign: ['steward', 'ops'],
      satisfaction: ['steward', 'ops'],
    },
    errors: {
      create: ['FILE.NOT_FOUND', 'FILE.TOO_LARGE', 'FILE.TOO_MANY', 'FILE.TYPE_NOT_ALLOWED', 'REPAIR.BAD_TIME_WINDOW'],
      mine: [],
      detail: [],
      cancel: ['REPAIR.ALREADY_RATED', 'REPAIR.ILLEGAL_TRANSITION'],
      rate: ['REPAIR.ALREADY_RATED', 'REPAIR.ILLEGAL_TRANSITION'],
      reopen: ['REPAIR.ALREADY_RATED', 'REPAIR.ILLEGAL_TRANSITION', 'REPAIR.REOPEN_EXPIRED'],
      queue: [],
      accept: ['REPAIR.ALREADY_RATED', 'REPAIR.BAD_TIME_WINDOW', 'REPAIR.ILLEGAL_TRANSITION'],
      start: ['REPAIR.ALREADY_RATED', 'REPAIR.ILLEGAL_TRANSITION'],
      complete: ['FILE.NOT_FOUND', 'FILE.TOO_LARGE', 'FILE.TOO_MANY', 'FILE.TYPE_NOT_ALLOWED', 'REPAIR.ALREADY_RATED', 'REPAIR.ILLEGAL_TRANSITION'],
      setAvailability: [],
      myDuty: [],
      gridTickets: [],
      technicians: [],
      reassign: ['REPAIR.ALREADY_RATED', 'REPAIR.ILLEGAL_TRANSITION', 'REPAIR.TECHNICIAN_UNAVAILABLE'],
      satisfaction: [],
    },
  },
)

export type TicketSummary = z.infer<typeof summarySchema>
export type TicketDetail = z.infer<typeof ticketDetailSchema>
export type TicketAction = (typeof TICKET_ACTIONS)[number]
export type SatisfactionFigure = z.infer<typeof satisfactionFigureSchema>
export type RepairPlace = z.infer<typeof placeSchema>
