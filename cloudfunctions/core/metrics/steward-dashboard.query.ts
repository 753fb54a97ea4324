import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { ATTRIBUTION_ERROR_MESSAGES } from '../../contracts/errors/attribution'
import type { DashboardOutput } from '../../contracts/attribution.contract'
import type { CallerAccess } from '../auth'
import { COLLECTIONS } from '../households'
import type { CommunityDoc, GridDoc, StaffDoc } from '../households'
import { findStatement, toStatementSummary, unsettledOf } from '../attribution'
import { FigureBuilder } from './figures'
import { gridLabel } from './community-report.query'
import { monthOf, monthsEndingWith } from './month'
import { METRIC_COLLECTIONS, rollupId, stewardScopeKey, type RollupDoc } from './rollup.model'

export const SERIES_MONTHS = 6

/** The steward's identity in the chosen community (their first one when none is chosen). */
export async function stewardSelf(db: Db, access: CallerAccess, communityId?: string): Promise<StaffDoc> {
  const communities = access.staff.filter((s) => s.role === 'steward').map((s) => s.communityId)
  const chosen = communityId ?? communities[0]
  if (!chosen || !communities.includes(chosen)) throw new DomainError('ATTRIBUTION.NOT_A_STEWARD', ATTRIBUTION_ERROR_MESSAGES['ATTRIBUTION.NOT_A_STEWARD'])
  const rows = must(await db.collection(COLLECTIONS.staff).where({ openid: access.openid, communityId: chosen, role: 'steward', status: 'active' }).limit(1).get()).data as StaffDoc[]
  if (!rows[0]) throw new DomainError('ATTRIBUTION.NOT_A_STEWARD', ATTRIBUTION_ERROR_MESSAGES['ATTRIBUTION.NOT_A_STEWARD'])
  return rows[0]
}

/**
 * 我的业绩: the steward's row for the month (the same row the ops report shows), their grid's row, a
 * six-month series for the chart, how their orders were attributed, and their commission position.
 * About fifteen reads whatever the number of orders: rollups, the grid's funnel, the ledger's open total.
 */
export async function stewardDashboard(db: Db, access: CallerAccess, input: { communityId?: string; month?: string }, now: Date): Promise<DashboardOutput> {
  const me = await stewardSelf(db, access, input.communityId)
  const month = input.month ?? monthOf(now)
  const _ = db.command
  const months = monthsEndingWith(month, SERIES_MONTHS)
  const [gridRes, communityRes, seriesRes, unsettled, statement] = await Promise.all([
    db.collection(COLLECTIONS.grids).where({ communityId: me.communityId, stewardOpenid: me.openid }).limit(1).get(),
    db.collection(COLLECTIONS.communities).doc(me.communityId).get(),
    db.collection(METRIC_COLLECTIONS.rollups).where({ _id: _.in(months.map((m) => rollupId('steward', m, stewardScopeKey(me.communityId, me.openid)))) }).limit(SERIES_MONTHS).get(),
    unsettledOf(db, me.openid, me.communityId),
    findStatement(db, me.openid, me.communityId),
  ])
  const grid = (must(gridRes).data as GridDoc[])[0] ?? null
  const self = { openid: me.openid, name: me.name, grid }
  const builder = await new FigureBuilder(db, me.communityId, month, now).load([self], grid ? [grid] : [])
  const [figures, gridFigure] = await Promise.all([builder.steward(self), grid ? builder.grid(grid, gridLabel(grid, [self])) : Promise.resolve(null)])
  const byMonth = new Map((must(seriesRes).data as RollupDoc[]).map((r) => [r.month, r]))
  const current = byMonth.get(month)
  return {
    communityId: me.communityId,
    communityName: (must(communityRes).data as CommunityDoc[])[0]?.name ?? '',
    stewardId: me._id,
    stewardName: me.name,
    month,
    figures,
    grid: gridFigure,
    series: months.map((m) => {
      const r = byMonth.get(m)
      return { month: m, orders: r?.orders ?? 0, gmvFen: r?.gmvFen ?? 0, commissionNetFen: (r?.commissionAccruedFen ?? 0) - (r?.commissionReversedFen ?? 0) }
    }),
    ruleMix: { last_touch: current?.ruleLastTouch ?? 0, home_steward: current?.ruleHomeSteward ?? 0, self_purchase: current?.ruleSelfPurchase ?? 0 },
    unsettled,
    latestStatement: statement ? toStatementSummary(statement) : null,
    sharePath: `/packages/steward/pages/card/index?stewardId=${me._id}`,
  }
}
