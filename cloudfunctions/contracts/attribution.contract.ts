import { z } from 'zod'
import { defineContract, mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema, pageSchema } from './common.schemas'

/** How an order's steward was decided (stored on the order and its attribution record). */
export const attributionRuleSchema = z.enum(['last_touch', 'home_steward', 'self_purchase', 'unattributed'])
/** A steward buying for their own household: credit them, credit them without commission, or nobody. */
export const selfPurchasePolicySchema = z.enum(['credit', 'no_commission', 'exclude'])
/** Where a page touch came from (group-buy share cards record 'groupbuy_share' themselves). */
export const touchSourceSchema = z.enum(['steward_card', 'page', 'group_card'])
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM')
/** Signed fen: net commission and carried balances may be negative (clawbacks). */
const signedFen = z.number().int()
const ratio = z.number().min(0).max(1)
const count = z.number().int().nonnegative()


/**
 * One row of figures for a steward, a grid or a community in a month (Asia/Shanghai). The steward
 * dashboard and the ops report build these rows with the same code, so the same row reads the same.
 * steward: orders attributed to the steward; funnel (households → conversion) of their grid.
 * grid: orders of the grid's households, whoever was credited. community: everything.
 */
export const figureSchema = z.object({
  scope: z.enum(['steward', 'grid', 'community']),
  key: z.string(),
  label: z.string(),
  month: monthSchema,
  households: count,
  boundHouseholds: count,
  /** 渗透率 = bound households / households. */
  penetration: ratio,
  newBoundResidents: count,
  /** Of those, residents whose first paid order came within 30 days of binding. */
  convertedResidents: count,
  firstOrderConversion: ratio,
  orders: count,
  gmvFen: fenSchema,
  refundFen: fenSchema,
  /** 客单价 = GMV / orders. */
  avgOrderFen: fenSchema,
  /** Households that bought in the month, and of them those that bought again the next month. */
  buyers: count,
  repurchasers: count,
  repurchaseRate: ratio,
  /** Overall repair rating 1–5 (null: nobody rated this month). */
  satisfaction: z.number().min(0).max(5).nullable(),
  ratings: count,
  commissionAccruedFen: fenSchema,
  commissionReversedFen: fenSchema,
  commissionNetFen: signedFen,
})

export const statementSummarySchema = z.object({
  statementId: idSchema,
  period: monthSchema,
  status: z.enum(['open', 'final']),
  accrualCount: count,
  reversalCount: count,
  accruedFen: fenSchema,
  reversedFen: fenSchema,
  netFen: signedFen,
  carryInFen: signedFen,
  payableFen: fenSchema,
  carryOutFen: signedFen,
  finalizedAt: isoDateTimeSchema.nullable(),
})

export const statementEntrySchema = z.object({
  entryId: idSchema,
  kind: z.enum(['accrual', 'reversal']),
  orderId: idSchema,
  title: z.string(),
  orderType: z.enum(['fee', 'groupbuy', 'service']),
  /** Positive; a reversal is subtracted. */
  amountFen: fenSchema,
  baseFen: fenSchema.nullable(),
  rateBp: z.number().int().nullable(),
  refundFen: fenSchema.nullable(),
  at: isoDateTimeSchema,
})

export const seriesPointSchema = z.object({ month: monthSchema, orders: count, gmvFen: fenSchema, commissionNetFen: signedFen })

export const dashboardOutput = z.object({
  communityId: idSchema,
  communityName: z.string(),
  stewardId: idSchema,
  stewardName: z.string(),
  month: monthSchema,
  figures: figureSchema,
  grid: figureSchema.nullable(),
  /** The last six months up to `month`, oldest first: the chart. */
  series: z.array(seriesPointSchema),
  ruleMix: z.object({ last_touch: count, home_steward: count, self_purchase: count }),
  /** Commission entries not yet in a statement (frozen or waiting for the next run). */
  unsettled: z.object({ accruedFen: fenSchema, reversedFen: fenSchema }),
  latestStatement: statementSummarySchema.nullable(),
  /** Share path of the steward's card (opens with stewardId, records a touch). */
  sharePath: z.string(),
})

const communityChoice = z.object({ communityId: idSchema.optional() })

export const attributionContract = defineContract('attribution', {
  /** A page or card opened with a steward parameter; invalid, foreign or own steward ids record nothing. */
  recordTouch: mutation(
    z
      .object({
        stewardId: idSchema,
        campaignId: idSchema.optional(),
        groupCloudId: z.string().min(1).max(1024).optional(),
        source: touchSourceSchema.default('page'),
      })
      .strict(),
    z.object({ recorded: z.boolean() }),
  ),
  /** Steward: my month at a glance, the chart, my grid's funnel, my latest statement. */
  dashboard: query(communityChoice.extend({ month: monthSchema.optional() }).strict(), dashboardOutput),
  /** Steward: a statement with its entries (orders, amounts, reversals); the latest one when no period is given. */
  statement: query(
    communityChoice.extend({ period: monthSchema.optional() }).merge(pageSchema).strict(),
    z.object({ statement: statementSummarySchema.nullable(), entries: z.array(statementEntrySchema), hasMore: z.boolean() }),
  ),
  /** Public card of a steward (name, community) for the page a share card opens. */
  stewardCard: query(z.object({ stewardId: idSchema }).strict(), z.object({ stewardId: idSchema, name: z.string(), communityName: z.string() }).nullable()),
},
  {
    audience: {
      recordTouch: ['user'],
      dashboard: ['user'],
      statement: ['user'],
      stewardCard: ['user'],
    },
    errors: {
      recordTouch: [],
      dashboard: ['ATTRIBUTION.NOT_A_STEWARD'],
      statement: ['ATTRIBUTION.NOT_A_STEWARD'],
      stewardCard: [],
    },
  },
)

export type Figure = z.infer<typeof figureSchema>
export type DashboardOutput = z.infer<typeof dashboardOutput>
export type StatementSummary = z.infer<typeof statementSummarySchema>
export type StatementEntry = z.infer<typeof statementEntrySchema>
export type AttributionRule = z.infer<typeof attributionRuleSchema>
export type SelfPurchasePolicy = z.infer<typeof selfPurchasePolicySchema>
export type TouchSource = z.infer<typeof touchSourceSchema>
