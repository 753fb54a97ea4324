import { z } from 'zod'
import { query } from './envelope'
import { fenSchema, idSchema } from './common.schemas'
import { ratioSchema } from './households-common.schemas'
import { summarySchema as ticketSummarySchema } from './repairs.contract'
import { taskSchema } from './groups.contract'
import { opsRowSchema } from './ops-dashboard.schemas'

const count = z.number().int().nonnegative()

/** 维修工作台: what waits for the technician, on the first screen. */
export const technicianBoardSchema = z.object({
  communityId: idSchema,
  name: z.string(),
  available: z.boolean(),
  /** 待接单: assigned to me, not yet accepted. */
  waiting: count,
  /** 处理中: accepted or in progress. */
  working: count,
  /** 超时: open tickets of mine that missed an SLA. */
  overdue: count,
  /** Completed today (Asia/Shanghai). */
  doneToday: count,
  /** The first page of my open tickets, newest first. */
  queue: z.array(ticketSummarySchema),
  queueHasMore: z.boolean(),
})

/** 管家工作台: the grid at a glance. */
export const stewardBoardSchema = z.object({
  communityId: idSchema,
  communityName: z.string(),
  stewardId: idSchema,
  name: z.string(),
  households: count,
  boundHouseholds: count,
  penetration: ratioSchema,
  arrears: z.object({ households: count, billCount: count, principalFen: fenSchema }),
  tasks: z.object({ count, top: z.array(taskSchema) }),
  /** Group-buy entries of the community waiting to be picked up (any steward may hand them out). */
  pickupsWaiting: count,
  groups: z.object({ active: count, silent: count }),
  repairs: z.object({ open: count, overdue: count }),
  month: z.object({ month: z.string(), orders: count, gmvFen: fenSchema, commissionNetFen: z.number().int() }),
})

/** 运营工作台: counts that need someone today, and the community's row of this month's dashboard. */
export const opsBoardSchema = z.object({
  communityId: idSchema,
  communityName: z.string(),
  /** The community row of ops.opsDashboard for the running month (fees, repairs, group buying, funnel). */
  figures: opsRowSchema,
  repairs: z.object({ open: count, overdue: count }),
  pickupsWaiting: count,
  arrears: z.object({ households: count, principalFen: fenSchema }),
  /** Follow-up work of paid orders (attribution, figures, group activity…) still waiting in the outbox. */
  followUps: z.object({ pending: count, stuck: count, oldestMinutes: z.number().int().nonnegative().nullable() }),
})

export const workbenchOutput = z.object({
  technician: technicianBoardSchema.nullable(),
  steward: stewardBoardSchema.nullable(),
  ops: opsBoardSchema.nullable(),
})

/**
 * One call for a staff member's first screen: a board for each role the caller holds (null for the others).
 * Every count is an indexed count or a bounded aggregate: the cost follows open work, not history.
 */
export const householdsWorkbenchActions = {
  workbench: query(z.object({}).strict(), workbenchOutput),
}

export type WorkbenchOutput = z.infer<typeof workbenchOutput>
export type TechnicianBoard = z.infer<typeof technicianBoardSchema>
export type StewardBoard = z.infer<typeof stewardBoardSchema>
export type OpsBoard = z.infer<typeof opsBoardSchema>
