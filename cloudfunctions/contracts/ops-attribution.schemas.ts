import { z } from 'zod'
import { mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema } from './common.schemas'
import { attributionRuleSchema, figureSchema, monthSchema, selfPurchasePolicySchema, statementSummarySchema } from './attribution.contract'

const windowDays = z.number().int().min(1, '归因窗口至少 1 天').max(90, '归因窗口最长 90 天')
/** Basis points: 500 = 5%; at most 50%. */
const rateBp = z.number().int().min(0).max(5000, '佣金比例最高 50%')

export const communityRulesSchema = z.object({
  windowDays: z.number().int(),
  selfPurchase: selfPurchasePolicySchema,
  refundPeriodDays: z.number().int(),
  rates: z.object({ fee: z.number().int(), groupbuy: z.number().int(), service: z.number().int() }),
})

export const settlementSummarySchema = z.object({
  period: monthSchema,
  stewards: z.number().int(),
  settled: z.number().int(),
  alreadySettled: z.number().int(),
  accrualCount: z.number().int(),
  reversalCount: z.number().int(),
  accruedFen: fenSchema,
  reversedFen: fenSchema,
  payableFen: fenSchema,
  remaining: z.number().int(),
})

export const explanationSchema = z.object({
  orderId: idSchema,
  orderType: z.enum(['fee', 'groupbuy', 'service']),
  month: monthSchema,
  paidAt: isoDateTimeSchema,
  amountFen: fenSchema,
  rule: attributionRuleSchema,
  stewardOpenid: z.string().nullable(),
  stewardId: idSchema.nullable(),
  windowDays: z.number().int(),
  touch: z
    .object({ touchId: idSchema, stewardOpenid: z.string(), campaignId: idSchema.nullable(), groupId: z.string().nullable(), source: z.string(), at: isoDateTimeSchema })
    .nullable(),
  homeStewardOpenid: z.string().nullable(),
  gridId: idSchema.nullable(),
  rateBp: z.number().int(),
  accrual: z.enum(['waiting', 'accrued', 'none', 'void']),
  entries: z.array(
    z.object({ entryId: idSchema, kind: z.enum(['accrual', 'reversal']), amountFen: fenSchema, state: z.enum(['open', 'settled']), availableMonth: monthSchema, statementId: idSchema.nullable(), at: isoDateTimeSchema }),
  ),
})

/** Steward attribution, commission and business metrics: console events (docs/attribution.md, docs/ops.md). */
export const opsAttributionActions = {
  /** Attribution window, self-purchase policy, refund (freeze) period and commission rates of a community. */
  attributionSetCommunityRules: mutation(
    z
      .object({
        communityId: idSchema,
        windowDays: windowDays.optional(),
        selfPurchase: selfPurchasePolicySchema.optional(),
        refundPeriodDays: z.number().int().min(0).max(60, '冻结期最长 60 天').optional(),
        rates: z.object({ fee: rateBp.optional(), groupbuy: rateBp.optional(), service: rateBp.optional() }).strict().optional(),
      })
      .strict(),
    z.object({ communityId: idSchema, rules: communityRulesSchema }),
  ),
  /** A group-buy campaign's own window and/or rate (null: the community's). */
  attributionSetCampaignRule: mutation(
    z.object({ campaignId: idSchema, windowDays: windowDays.nullable().default(null), rateBp: rateBp.nullable().default(null) }).strict(),
    z.object({ campaignId: idSchema, windowDays: z.number().int().nullable(), rateBp: z.number().int().nullable() }),
  ),
  /** The figures table (community, each steward, each grid) for a month, and the same as CSV text. */
  attributionReport: query(
    z.object({ communityId: idSchema, month: monthSchema.optional() }).strict(),
    z.object({ communityId: idSchema, communityName: z.string(), month: monthSchema, rows: z.array(figureSchema), csv: z.string() }),
  ),
  /** Runs the monthly settlement (timer `monthlySettlement` does it hourly at minute 30; repeating it settles nothing twice). Default: last month. */
  attributionSettle: mutation(z.object({ period: monthSchema.optional() }).strict(), settlementSummarySchema),
  /** Statements of a community's stewards for a period. */
  attributionStatements: query(
    z.object({ communityId: idSchema, period: monthSchema }).strict(),
    z.object({ statements: z.array(statementSummarySchema.extend({ stewardOpenid: z.string(), stewardName: z.string() })) }),
  ),
  /** Why an order was credited to whom, with its commission entries. */
  attributionExplain: query(z.object({ orderId: idSchema }).strict(), explanationSchema),
  /** Accrues commission of fulfilled orders a missed event left waiting (timer `monthlySettlement` sweeps first, hourly at minute 30). */
  attributionReconcile: mutation(z.object({}).strict(), z.object({ checked: z.number().int(), accrued: z.number().int(), voided: z.number().int(), failed: z.number().int() })),
}

export type SettlementSummaryOut = z.infer<typeof settlementSummarySchema>
