import type { Db } from '@cloudbase/database'
import type { StewardGrid } from '../../contracts/households-steward.schemas'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import type { CallerAccess } from '../auth'
import { authorize } from '../auth'
import type { BuildingDoc, CommunityDoc, GridDoc, HouseholdDoc, ResidentDoc } from './household.model'
import { maskName } from './mask'
import { naturalCompare } from './natural-sort'

const ratio = (bound: number, total: number) => (total === 0 ? 0 : Math.round((bound / total) * 10_000) / 10_000)

/**
 * Households and bound households per building of a grid, in one aggregation: each household joined
 * with its members, counted bound when any member is active. Nothing is loaded into the function.
 */
async function penetrationByBuilding(db: Db, buildingIds: string[]): Promise<Map<string, { households: number; bound: number }>> {
  if (buildingIds.length === 0) return new Map()
  const _ = db.command
  const $ = _.aggregate
  const active = $.size($.filter({ input: '$members', as: 'm', cond: $.eq(['$$m.status', 'active']) }))
  const res = must(
    await db
      .collection(COLLECTIONS.households)
      .aggregate()
      .match({ buildingId: _.in(buildingIds) })
      .lookup({ from: COLLECTIONS.residents, localField: '_id', foreignField: 'householdId', as: 'members' })
      .group({ _id: '$buildingId', households: $.sum(1), bound: $.sum($.cond([$.gt([active, 0]), 1, 0])) })
      .limit(1000)
      .end(),
  ) as { data: { _id: string; households: number; bound: number }[] }
  return new Map(res.data.map((r) => [r._id, { households: r.households, bound: r.bound }]))
}

/** The caller's grids (one per community they steward in) with penetration per building and in total. */
export async function stewardGrids(db: Db, access: CallerAccess): Promise<{ grids: StewardGrid[] }> {
  const stewardOf = new Set(access.staff.filter((s) => s.role === 'steward').map((s) => s.communityId))
  if (stewardOf.size === 0) return { grids: [] }
  const _ = db.command
  const grids = (must(await db.collection(COLLECTIONS.grids).where({ stewardOpenid: access.openid }).limit(20).get()).data as GridDoc[]).filter((g) => stewardOf.has(g.communityId))
  const out: StewardGrid[] = []
  for (const grid of grids) {
    const [buildingRes, communityRes, counts] = await Promise.all([
      grid.buildingIds.length ? db.collection(COLLECTIONS.buildings).where({ _id: _.in(grid.buildingIds) }).limit(1000).get() : Promise.resolve({ data: [] }),
      db.collection(COLLECTIONS.communities).doc(grid.communityId).get(),
      penetrationByBuilding(db, grid.buildingIds),
    ])
    const buildings = (must(buildingRes).data as BuildingDoc[]).sort((a, b) => naturalCompare(a.name, b.name))
    const rows = buildings.map((b) => {
      const c = counts.get(b._id) ?? { households: 0, bound: 0 }
      return { buildingId: b._id, name: b.name, households: c.households, boundHouseholds: c.bound, penetration: ratio(c.bound, c.households) }
    })
    const households = rows.reduce((n, r) => n + r.households, 0)
    const bound = rows.reduce((n, r) => n + r.boundHouseholds, 0)
    out.push({
      communityId: grid.communityId,
      communityName: (must(communityRes).data as CommunityDoc[])[0]?.name ?? '',
      buildings: rows,
      totals: { households, boundHouseholds: bound, penetration: ratio(bound, households) },
    })
  }
  return { grids: out }
}

/** One building of the grid, a page at a time, in natural room order (a building is ≤1000 homes). */
export async function stewardHouseholds(db: Db, access: CallerAccess, buildingId: string, offset: number, limit: number) {
  const building = (must(await db.collection(COLLECTIONS.buildings).doc(buildingId).get()).data as BuildingDoc[])[0]
  // An unknown building is answered like someone else's: no probing for what exists.
  authorize(access, 'grid.read', { communityId: building?.communityId ?? '', buildingId })
  const all = must(
    await db.collection(COLLECTIONS.households).where({ buildingId }).field({ unit: true, room: true, areaM2: true, ownerName: true, ownerPhoneLast4: true }).limit(1000).get(),
  ).data as HouseholdDoc[]
  all.sort((a, b) => naturalCompare(a.unit, b.unit) || naturalCompare(a.room, b.room))
  const page = all.slice(offset, offset + limit)
  const _ = db.command
  const members = page.length
    ? (must(await db.collection(COLLECTIONS.residents).where({ householdId: _.in(page.map((h) => h._id)), status: 'active' }).field({ householdId: true }).limit(1000).get()).data as Pick<ResidentDoc, 'householdId'>[])
    : []
  const activeCount = new Map<string, number>()
  for (const m of members) activeCount.set(m.householdId, (activeCount.get(m.householdId) ?? 0) + 1)
  return {
    items: page.map((h) => ({
      householdId: h._id,
      unit: h.unit,
      room: h.room,
      areaM2: h.areaM2,
      ownerNameMasked: maskName(h.ownerName),
      ownerPhoneLast4: h.ownerPhoneLast4,
      bound: (activeCount.get(h._id) ?? 0) > 0,
      activeMembers: activeCount.get(h._id) ?? 0,
    })),
    total: all.length,
    hasMore: offset + page.length < all.length,
  }
}
