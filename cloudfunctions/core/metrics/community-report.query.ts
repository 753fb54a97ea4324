import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import type { Figure } from '../../contracts/attribution.contract'
import { COLLECTIONS } from '../households'
import type { CommunityDoc, GridDoc, StaffDoc } from '../households'
import { naturalCompare } from '../households'
import { FigureBuilder, type StewardRef } from './figures'
import { figuresCsv } from './report-csv'

export interface CommunityReport {
  communityId: string
  communityName: string
  month: string
  rows: Figure[]
  csv: string
}

/** A community's stewards (active) with their grid in it. */
export async function stewardsOf(db: Db, communityId: string): Promise<{ stewards: (StewardRef & { staffId: string })[]; grids: GridDoc[] }> {
  const [staffRes, gridRes] = await Promise.all([
    db.collection(COLLECTIONS.staff).where({ communityId, role: 'steward', status: 'active' }).limit(1000).get(),
    db.collection(COLLECTIONS.grids).where({ communityId }).limit(1000).get(),
  ])
  const grids = must(gridRes).data as GridDoc[]
  const staff = (must(staffRes).data as StaffDoc[]).sort((a, b) => naturalCompare(a.name, b.name))
  return { stewards: staff.map((s) => ({ openid: s.openid, name: s.name, staffId: s._id, grid: grids.find((g) => g.stewardOpenid === s.openid) ?? null })), grids }
}

export const gridLabel = (grid: GridDoc, stewards: StewardRef[]) => `${stewards.find((s) => s.openid === grid.stewardOpenid)?.name ?? '未分配管家'}的网格`

/**
 * The ops report: the community, then each steward (sales credited to them, their grid's funnel), then
 * each grid (its households' orders whoever was credited) — the same rows as the steward dashboard.
 */
export async function communityReport(db: Db, communityId: string, month: string, now: Date): Promise<CommunityReport> {
  const [communityRes, { stewards, grids }] = await Promise.all([db.collection(COLLECTIONS.communities).doc(communityId).get(), stewardsOf(db, communityId)])
  const communityName = (must(communityRes).data as CommunityDoc[])[0]?.name ?? communityId
  const builder = await new FigureBuilder(db, communityId, month, now).load(stewards, grids)
  const rows = [
    await builder.community(communityName),
    ...(await Promise.all(stewards.map((s) => builder.steward(s)))),
    ...(await Promise.all(grids.map((g) => builder.grid(g, gridLabel(g, stewards))))),
  ]
  return { communityId, communityName, month, rows, csv: figuresCsv(rows) }
}
