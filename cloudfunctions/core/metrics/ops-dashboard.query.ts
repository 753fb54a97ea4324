import type { Db } from '@cloudbase/database'
import type { Figure } from '../../contracts/attribution.contract'
import type { OpsDashboardOutput, OpsRow } from '../../contracts/ops-dashboard.schemas'
import { must } from '../kernel/db-result'
import { collectionReport, feesPaidInMonth, type PaidInMonth } from '../fees'
import type { GridDoc } from '../households'
import { communityRollupId, emptyRepairMonth, figureOf, REPAIR_COLLECTIONS, repairsOfMonth, stewardRollupId, type RepairMonth, type SatisfactionDoc } from '../repairs'
import { communityReport, stewardsOf } from './community-report.query'

const round4 = (n: number) => Math.round(n * 10_000) / 10_000

interface FeeFigures {
  billedFen: number
  collectedFen: number
  ratePct: number
  arrearsFen: number
}
const NO_FEES: FeeFigures = { billedFen: 0, collectedFen: 0, ratePct: 0, arrearsFen: 0 }

function sumPaid(byBuilding: Map<string, PaidInMonth>, buildingIds: string[] | null): PaidInMonth {
  let paidFen = 0
  let bills = 0
  for (const [b, p] of byBuilding) {
    if (buildingIds && !buildingIds.includes(b)) continue
    paidFen += p.paidFen
    bills += p.bills
  }
  return { paidFen, bills }
}

function compose(f: Figure, fees: FeeFigures, paid: PaidInMonth, repairs: RepairMonth, sat: SatisfactionDoc | undefined): OpsRow {
  const s = figureOf(sat)
  const rated = s.count > 0
  const judged = repairs.filed - repairs.cancelled
  return {
    ...f,
    feeBilledFen: fees.billedFen,
    feeCollectedFen: fees.collectedFen,
    feeRatePct: fees.ratePct,
    feePaidFen: paid.paidFen,
    feePayments: paid.bills,
    arrearsFen: fees.arrearsFen,
    repairsFiled: repairs.filed,
    repairsCompleted: repairs.completed,
    repairsOnTime: repairs.onTime,
    onTimeRate: judged <= 0 ? 0 : Math.min(1, round4(repairs.onTime / judged)),
    complaints: repairs.complaints,
    satArrival: rated ? s.arrival : null,
    satAttitude: rated ? s.attitude : null,
    satProcess: rated ? s.process : null,
    satEtiquette: rated ? s.etiquette : null,
  }
}

/**
 * 运营看板 across every area for one community and month: the attribution figures (sales, funnel,
 * commission — rollups), fees (the collection report's database grouping plus the month's payments),
 * repairs (the month's tickets grouped by grid, satisfaction rollups). Rows: the community, each grid,
 * each steward (their grid's fees and repairs beside the sales credited to them). The work is a fixed
 * number of aggregations over the month's or the open records, never a scan of history.
 */
export async function opsDashboard(db: Db, communityId: string, month: string, now: Date): Promise<OpsDashboardOutput> {
  const _ = db.command
  const [report, fees, paid, repairs, { stewards, grids }] = await Promise.all([
    communityReport(db, communityId, month, now),
    collectionReport(db, communityId, month, now),
    feesPaidInMonth(db, communityId, month),
    repairsOfMonth(db, communityId, month),
    stewardsOf(db, communityId),
  ])
  const satIds = [communityRollupId(communityId, month), ...grids.map((g) => stewardRollupId(g.stewardOpenid, month)), ...stewards.map((s) => stewardRollupId(s.openid, month))]
  const satDocs = must(await db.collection(REPAIR_COLLECTIONS.satisfaction).where({ _id: _.in([...new Set(satIds)]) }).limit(1000).get()).data as SatisfactionDoc[]
  const sat = new Map(satDocs.map((d) => [d._id, d]))
  const gridFees = new Map(fees.grids.map((g) => [g.gridId, g]))
  const total = (m: Map<string, RepairMonth>) => [...m.values()].reduce((a, r) => ({ filed: a.filed + r.filed, cancelled: a.cancelled + r.cancelled, completed: a.completed + r.completed, onTime: a.onTime + r.onTime, complaints: a.complaints + r.complaints }), emptyRepairMonth())
  const gridById = new Map<string, GridDoc>(grids.map((g) => [g._id, g]))
  const gridParts = (grid: GridDoc | null | undefined) => ({
    fees: (grid && gridFees.get(grid._id)) || NO_FEES,
    paid: sumPaid(paid, grid ? grid.buildingIds : []),
    repairs: (grid && repairs.get(grid._id)) || emptyRepairMonth(),
  })
  const rows = report.rows.map((f) => {
    if (f.scope === 'community') return compose(f, fees.community, sumPaid(paid, null), total(repairs), sat.get(communityRollupId(communityId, month)))
    if (f.scope === 'grid') {
      const grid = gridById.get(f.key)
      const p = gridParts(grid)
      return compose(f, p.fees, p.paid, p.repairs, grid ? sat.get(stewardRollupId(grid.stewardOpenid, month)) : undefined)
    }
    const steward = stewards.find((s) => s.openid === f.key)
    const p = gridParts(steward?.grid)
    return compose(f, p.fees, p.paid, p.repairs, sat.get(stewardRollupId(f.key, month)))
  })
  return { communityId, communityName: report.communityName, month, asOf: fees.asOf, rows }
}
