import type { Platform } from '../kernel/platform'
import type { StewardBoard } from '../../contracts/households-workbench.schemas'
import { must } from '../kernel/db-result'
import type { CallerAccess } from '../kernel/caller-access'
import { arrearsTotals } from '../fees'
import { pickupsWaiting } from '../groupbuy'
import { listGroups, todayTasks } from '../groups'
import { stewardGrids } from '../households'
import { METRIC_COLLECTIONS, monthOf, rollupId, stewardScopeKey, stewardSelf, type RollupDoc } from '../metrics'
import { openTicketCounts } from '../repairs'

const TOP_TASKS = 3

/**
 * 管家工作台 for one community: penetration of the grid, arrears, today's tasks, pickups waiting, groups,
 * repairs needing attention and the month's sales. Each part is an indexed count, a bounded aggregate
 * (unpaid bills, the grid's households) or a rollup read by id.
 */
export async function stewardBoard(platform: Platform, access: CallerAccess, communityId: string): Promise<StewardBoard> {
  const db = platform.db
  const now = platform.clock.now()
  const month = monthOf(now)
  const me = await stewardSelf(db, access, communityId)
  const { grids } = await stewardGrids(db, access)
  const grid = grids.find((g) => g.communityId === communityId)
  const buildingIds = grid?.buildings.map((b) => b.buildingId) ?? []
  const [arrears, tasks, pickups, groups, repairs, rollup] = await Promise.all([
    arrearsTotals(db, communityId, buildingIds),
    todayTasks(platform, access, communityId),
    pickupsWaiting(db, communityId),
    // The steward's own groups even when the same person is also ops (listGroups widens to the community for ops).
    listGroups(db, { ...access, staff: access.staff.filter((s) => s.role !== 'ops') }, communityId),
    openTicketCounts(db, { buildingIds }),
    db.collection(METRIC_COLLECTIONS.rollups).doc(rollupId('steward', month, stewardScopeKey(communityId, me.openid))).get(),
  ])
  const r = (must(rollup).data as RollupDoc[])[0]
  const active = groups.filter((g) => g.status === 'active')
  return {
    communityId,
    communityName: grid?.communityName ?? '',
    stewardId: me._id,
    name: me.name,
    households: grid?.totals.households ?? 0,
    boundHouseholds: grid?.totals.boundHouseholds ?? 0,
    penetration: grid?.totals.penetration ?? 0,
    arrears,
    tasks: { count: tasks.tasks.length, top: tasks.tasks.slice(0, TOP_TASKS) },
    pickupsWaiting: pickups,
    groups: { active: active.length, silent: active.filter((g) => g.silent).length },
    repairs,
    month: { month, orders: r?.orders ?? 0, gmvFen: r?.gmvFen ?? 0, commissionNetFen: (r?.commissionAccruedFen ?? 0) - (r?.commissionReversedFen ?? 0) },
  }
}
