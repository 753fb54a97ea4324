import { z } from 'zod'
import { mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema, pageSchema } from './common.schemas'
import { feeKindSchema, invoiceViewSchema, periodSchema } from './fees-common.schemas'

/** Item codes are the ops-facing key: re-sending the same code updates the item (an idempotent upsert). */
export const feeItemCodeSchema = z.string().regex(/^[a-z0-9_-]{1,24}$/, '编码只能是小写字母、数字、-、_（最多24位）')
const positiveFen = fenSchema.min(1, '金额必须大于0')

const feeItemCommon = {
  communityId: idSchema,
  code: feeItemCodeSchema,
  name: z.string().trim().min(1).max(20),
  /** Day of the billing month (Asia/Shanghai) by which the bill is due; late fees start the day after. */
  dueDay: z.number().int().min(1).max(28).default(15),
  /** Late fee: dailyRateBp / 10000 of the principal per overdue day, at most capBp / 10000 of it. */
  lateFee: z
    .object({ dailyRateBp: z.number().int().min(0).max(100).default(5), capBp: z.number().int().min(0).max(10_000).default(10_000) })
    .strict()
    .default({ dailyRateBp: 5, capBp: 10_000 }),
  /** Who is charged: everyone when left out; else only these buildings and/or households. */
  scope: z
    .object({ buildingIds: z.array(idSchema).min(1).max(500).optional(), householdIds: z.array(idSchema).min(1).max(5000).optional() })
    .strict()
    .optional(),
}

/** 物业费 (fen per m² per month × area), 停车费 (fixed monthly), 水电 (reading × unit price), one-off. */
export const feeItemInputSchema = z.discriminatedUnion('kind', [
  z.object({ ...feeItemCommon, kind: z.literal('per_area'), unitPriceFen: positiveFen.max(100_000) }).strict(),
  z.object({ ...feeItemCommon, kind: z.literal('fixed'), amountFen: positiveFen }).strict(),
  z.object({ ...feeItemCommon, kind: z.literal('metered'), unitPriceFen: positiveFen.max(100_000), unit: z.string().trim().min(1).max(4) }).strict(),
  z.object({ ...feeItemCommon, kind: z.literal('one_off'), amountFen: positiveFen, period: periodSchema }).strict(),
])

export const feeItemViewSchema = z.object({
  itemId: idSchema,
  communityId: idSchema,
  code: z.string(),
  name: z.string(),
  kind: feeKindSchema,
  unitPriceFen: fenSchema.nullable(),
  amountFen: fenSchema.nullable(),
  unit: z.string().nullable(),
  period: periodSchema.nullable(),
  dueDay: z.number().int(),
  lateFee: z.object({ dailyRateBp: z.number().int(), capBp: z.number().int() }),
  scope: z.object({ buildingIds: z.array(idSchema).nullable(), householdIds: z.array(idSchema).nullable() }),
  status: z.enum(['active', 'archived']),
  updatedAt: isoDateTimeSchema,
})

export const billRunViewSchema = z.object({
  runId: z.string(),
  communityId: idSchema,
  period: periodSchema,
  status: z.enum(['running', 'done']),
  /** Households in the community when the run (re)started. */
  total: z.number().int(),
  done: z.number().int(),
  /** Households with at least one bill that could not be made (e.g. no meter reading). */
  failed: z.number().int(),
  billsCreated: z.number().int(),
  /** Bills found already in place (a resumed or repeated run). */
  billsExisting: z.number().int(),
  failures: z.array(z.object({ householdId: idSchema, label: z.string(), reason: z.string() })),
  startedAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  finishedAt: isoDateTimeSchema.nullable(),
  /** Another invocation holds the run right now; this one changed nothing. */
  busy: z.boolean(),
})

const money = { billedFen: fenSchema, collectedFen: fenSchema, lateFeeCollectedFen: fenSchema, billCount: z.number().int(), paidCount: z.number().int(), ratePct: z.number() }
export const ageingSchema = z.object({ notDue: fenSchema, d1to30: fenSchema, d31to90: fenSchema, d91to180: fenSchema, d181to365: fenSchema, over365: fenSchema })
export const reportRowSchema = z.object({ ...money, arrearsFen: fenSchema, ageing: ageingSchema })

export const opsFeesActions = {
  upsertFeeItem: mutation(feeItemInputSchema, z.object({ created: z.boolean(), item: feeItemViewSchema })),
  /** Archived items are skipped by later bill runs; bills already made stay. */
  archiveFeeItem: mutation(z.object({ communityId: idSchema, code: feeItemCodeSchema }).strict(), z.object({ item: feeItemViewSchema })),
  listFeeItems: query(z.object({ communityId: idSchema, includeArchived: z.boolean().default(false) }).strict(), z.object({ items: z.array(feeItemViewSchema) })),
  /** Meter readings of a metered item for one period. Columns: 楼栋, 单元, 房号, 上期读数, 本期读数. */
  importMeterReadings: mutation(
    z
      .object({
        communityId: idSchema,
        code: feeItemCodeSchema,
        period: periodSchema,
        csv: z.string().min(1, 'csv 为空').max(1_000_000, 'csv 过大，请按楼栋拆分导入'),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    z.object({
      rows: z.number().int(),
      imported: z.number().int(),
      unchanged: z.number().int(),
      dryRun: z.boolean(),
      rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
    }),
  ),
  /** Makes (or continues) the bills of a period; call again until status is done. restart re-scans every household. */
  runBills: mutation(
    z.object({ communityId: idSchema, period: periodSchema.optional(), restart: z.boolean().default(false) }).strict(),
    z.object({ run: billRunViewSchema }),
  ),
  billRunProgress: query(z.object({ communityId: idSchema, period: periodSchema }).strict(), z.object({ run: billRunViewSchema.nullable() })),
  listFeeInvoices: query(
    pageSchema.extend({ communityId: idSchema, status: z.enum(['requested', 'issued', 'all']).default('requested') }).strict(),
    z.object({ items: z.array(invoiceViewSchema), hasMore: z.boolean() }),
  ),
  markFeeInvoiceIssued: mutation(
    z.object({ invoiceId: idSchema, invoiceNo: z.string().trim().min(1).max(40) }).strict(),
    z.object({ invoice: invoiceViewSchema }),
  ),
  /** Billed / collected / rate of a period and arrears ageing (as of the period's end, or now), per community and grid. */
  feeCollectionReport: query(
    z.object({ communityId: idSchema, period: periodSchema }).strict(),
    z.object({
      communityId: idSchema,
      period: periodSchema,
      asOf: isoDateTimeSchema,
      community: reportRowSchema,
      grids: z.array(reportRowSchema.extend({ gridId: z.string(), stewardName: z.string(), buildings: z.array(z.string()) })),
    }),
  ),
}
