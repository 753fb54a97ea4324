import { z } from 'zod'
import { mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema } from './common.schemas'
import { figureSchema, monthSchema } from './attribution.contract'

const count = z.number().int().nonnegative()
const ratio = z.number().min(0).max(1)
const score = z.number().min(0).max(5).nullable()

/**
 * One row of the ops dashboard: the attribution figures (sales, funnel, commission) plus fees and repairs of
 * the same scope and month. Steward rows show their grid's fees and repairs (what they are accountable
 * for) beside the sales credited to them; grid rows everything about the grid's households.
 */
export const opsRowSchema = figureSchema.extend({
  /** Bills of the month: billed, collected by now (or month end), 收缴率 in percent. */
  feeBilledFen: fenSchema,
  feeCollectedFen: fenSchema,
  feeRatePct: z.number().min(0).max(100),
  /** Everything residents paid for fees in the month (old bills and late fees included): 实收. */
  feePaidFen: fenSchema,
  feePayments: count,
  /** Principal still unpaid, every period up to this month. */
  arrearsFen: fenSchema,
  repairsFiled: count,
  repairsCompleted: count,
  /** Filed in the month, not cancelled, never past an SLA. */
  repairsOnTime: count,
  onTimeRate: ratio,
  /** 投诉: tickets rated 2 or lower on any dimension, or reopened. */
  complaints: count,
  satArrival: score,
  satAttitude: score,
  satProcess: score,
  satEtiquette: score,
})

export const opsDashboardOutput = z.object({
  communityId: idSchema,
  communityName: z.string(),
  month: monthSchema,
  asOf: isoDateTimeSchema,
  rows: z.array(opsRowSchema),
})

/** The ops dashboard across every area, and its CSV export to cloud storage (docs/ops.md). */
export const opsDashboardActions = {
  opsDashboard: query(z.object({ communityId: idSchema, month: monthSchema.optional() }).strict(), opsDashboardOutput),
  /** Writes the dashboard of a month as CSV into cloud storage; answers the fileID and a download link. */
  opsExport: mutation(
    z.object({ communityId: idSchema, month: monthSchema.optional() }).strict(),
    z.object({ fileId: z.string(), fileName: z.string(), url: z.string(), rows: count, expiresAt: isoDateTimeSchema }),
  ),
}

export type OpsRow = z.infer<typeof opsRowSchema>
export type OpsDashboardOutput = z.infer<typeof opsDashboardOutput>
