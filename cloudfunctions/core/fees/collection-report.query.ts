import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from '../households'
import type { BuildingDoc, GridDoc, StaffDoc } from '../households'
import { FEE_COLLECTIONS } from './fee.model'
import { ageingBranches, emptyRow, finishRow, type AgeingBucket, type ReportRow } from './collection-report.rows'
import { businessDate, periodEnd } from './period'

interface BilledGroup { _id: string; billedFen: number; billCount: number; collectedFen: number; paidCount: number; lateFeeCollectedFen: number }
interface AgeingGroup { _id: { buildingId: string; bucket: AgeingBucket }; fen: number }

/** Pages through an aggregate's result (CloudBase returns at most 1000 groups per call). */
async function allGroups<T>(run: (skip: number) => Promise<unknown>): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = (must(await run(skip)) as { data: T[] }).data
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/**
 * Monthly collection report, as of the end of the period (or now, for the running month): billed and
 * collected principal of the period's bills, collection rate, and arrears ageing of every bill still unpaid
 * at that moment. The database does the grouping — by building, then buildings are folded into grids here —
 * so the function never loads the bills themselves.
 */
export async function collectionReport(db: Db, communityId: string, period: string, now: Date) {
  const _ = db.command
  const $ = _.aggregate
  const end = periodEnd(period)
  const asOf = now.getTime() < end.getTime() ? now : end
  // Everything up to and including `now` counts; a closed period ends just before the next month's first instant.
  const cutoff = asOf === now ? new Date(now.getTime() + 1) : end
  const asOfDate = businessDate(new Date(cutoff.getTime() - 1))
  const bills = db.collection(FEE_COLLECTIONS.bills)
  const paidByAsOf = $.and([$.eq(['$status', 'paid']), $.lt(['$paidAt', cutoff])])

  const billed = await allGroups<BilledGroup>((skip) =>
    bills
      .aggregate()
      .match({ communityId, period })
      .group({
        _id: '$buildingId',
        billedFen: $.sum('$principalFen'),
        billCount: $.sum(1),
        collectedFen: $.sum($.cond({ if: paidByAsOf, then: '$principalFen', else: 0 })),
        paidCount: $.sum($.cond({ if: paidByAsOf, then: 1, else: 0 })),
        lateFeeCollectedFen: $.sum($.cond({ if: paidByAsOf, then: '$paidLateFeeFen', else: 0 })),
      })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(1000)
      .end(),
  )
  const ageing = await allGroups<AgeingGroup>((skip) =>
    bills
      .aggregate()
      .match(_.and([{ communityId, period: _.lte(period) }, _.or([{ status: 'unpaid' }, { status: 'paid', paidAt: _.gte(cutoff) }])]))
      .group({ _id: { buildingId: '$buildingId', bucket: $.switch({ branches: ageingBranches($, asOfDate), default: 'over365' }) }, fen: $.sum('$principalFen') })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(1000)
      .end(),
  )

  const [grids, stewards, buildings] = await Promise.all([
    db.collection(COLLECTIONS.grids).where({ communityId }).limit(1000).get(),
    db.collection(COLLECTIONS.staff).where({ communityId, role: 'steward' }).limit(1000).get(),
    db.collection(COLLECTIONS.buildings).where({ communityId }).limit(1000).get(),
  ])
  const gridDocs = must(grids).data as GridDoc[]
  const stewardName = new Map((must(stewards).data as StaffDoc[]).map((s) => [s.openid, s.name]))
  const buildingName = new Map((must(buildings).data as BuildingDoc[]).map((b) => [b._id, b.name]))
  const gridOf = new Map<string, string>()
  for (const g of gridDocs) for (const b of g.buildingIds) gridOf.set(b, g._id)

  const community = emptyRow()
  const rows = new Map<string, ReportRow>()
  const rowOf = (buildingId: string) => {
    const key = gridOf.get(buildingId) ?? '(none)'
    if (!rows.has(key)) rows.set(key, emptyRow())
    return rows.get(key)!
  }
  for (const g of billed) {
    for (const row of [community, rowOf(g._id)]) {
      row.billedFen += g.billedFen
      row.billCount += g.billCount
      row.collectedFen += g.collectedFen
      row.paidCount += g.paidCount
      row.lateFeeCollectedFen += g.lateFeeCollectedFen
    }
  }
  for (const a of ageing) {
    for (const row of [community, rowOf(a._id.buildingId)]) {
      row.ageing[a._id.bucket] += a.fen
      row.arrearsFen += a.fen
    }
  }
  const gridRows = [...rows.entries()].map(([key, row]) => {
    const grid = gridDocs.find((g) => g._id === key)
    return {
      ...finishRow(row),
      gridId: key,
      stewardName: grid ? (stewardName.get(grid.stewardOpenid) ?? '（已离职）') : '未分配网格',
      buildings: grid ? grid.buildingIds.map((b) => buildingName.get(b) ?? b) : [],
    }
  })
  gridRows.sort((a, b) => (a.gridId === '(none)' ? 1 : b.gridId === '(none)' ? -1 : a.gridId.localeCompare(b.gridId)))
  return { communityId, period, asOf: asOf.toISOString(), community: finishRow(community), grids: gridRows }
}
