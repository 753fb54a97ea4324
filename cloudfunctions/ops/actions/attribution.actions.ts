import type { opsAttributionActions } from '../../contracts/ops-attribution.schemas'
import { opsAccess } from '../../core/auth/caller-access'
import { communitiesWhere } from '../../core/auth'
import { groupbuyError } from '../../core/groupbuy/groupbuy-errors'
import { loadCampaign } from '../../core/groupbuy/groupbuy.store'
import { saveCampaignRule, saveCommunityRules } from '../../core/attribution/settings'
import { settlePeriod } from '../../core/attribution/settlement.service'
import { sweepAccruals } from '../../core/attribution/accrual-sweep'
import { communityStatements, toStatementSummary } from '../../core/attribution/statement.query'
import { explainOrder } from '../../core/attribution/explain.query'
import { communityReport, stewardsOf } from '../../core/metrics/community-report.query'
import { monthOf } from '../../core/metrics/month'
import type { ActionContext } from '../../runtime/define-function'
import { forbidden } from '../../core/kernel/domain-error'
import type { OpsHandlers } from './ops-action'

/** Jobs that span every community: the console, or ops of any community. */
async function anyOps(ctx: ActionContext): Promise<void> {
  if (ctx.caller.kind !== 'console' && communitiesWhere(await ctx.access(), 'community.manage').length === 0) throw forbidden()
}

/** Steward attribution, commission and the business metrics (docs/attribution.md; events in docs/ops.md). */
export const attributionOpsHandlers: OpsHandlers<typeof opsAttributionActions> = {
  attributionSetCommunityRules: async ({ communityId, ...patch }, ctx) => {
    await opsAccess(ctx, communityId)
    const rules = await saveCommunityRules(ctx.platform.db, communityId, patch, ctx.now())
    ctx.platform.logger.info('attribution.rules_set', { communityId })
    return { communityId, rules }
  },
  attributionSetCampaignRule: async (input, ctx) => {
    const campaign = await loadCampaign(ctx.platform.db, input.campaignId)
    if (!campaign) throw groupbuyError('GROUPBUY.CAMPAIGN_NOT_FOUND')
    await opsAccess(ctx, campaign.communityId)
    const rule = await saveCampaignRule(ctx.platform.db, campaign._id, campaign.communityId, { windowDays: input.windowDays, rateBp: input.rateBp }, ctx.now())
    return { campaignId: campaign._id, ...rule }
  },
  attributionReport: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    const { communityId, communityName, month, rows, csv } = await communityReport(ctx.platform.db, input.communityId, input.month ?? monthOf(ctx.now()), ctx.now())
    return { communityId, communityName, month, rows, csv }
  },
  attributionSettle: async (input, ctx) => {
    await anyOps(ctx)
    return settlePeriod(ctx, input.period)
  },
  attributionStatements: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    const [statements, { stewards }] = await Promise.all([communityStatements(ctx.platform.db, input.communityId, input.period), stewardsOf(ctx.platform.db, input.communityId)])
    return {
      statements: statements.map((s) => ({ ...toStatementSummary(s), stewardOpenid: s.stewardOpenid, stewardName: stewards.find((x) => x.openid === s.stewardOpenid)?.name ?? '（已离任）' })),
    }
  },
  attributionExplain: async (input, ctx) => {
    const { communityId, explanation } = await explainOrder(ctx.platform, input.orderId)
    await opsAccess(ctx, communityId)
    return explanation
  },
  attributionReconcile: async (_input, ctx) => {
    await anyOps(ctx)
    return sweepAccruals(ctx)
  },
}
