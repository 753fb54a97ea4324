import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import { HOUSEHOLD_COLLECTIONS } from './household-collections'
import { householdError } from './household-errors'
import type { BuildingDoc, GridDoc, GridIndexDoc } from './household.model'
import { gridIdFor } from './ids'
import { loadBuildings } from './registry/registry-load'
import { normalizeBuilding } from './registry/registry-row'
import { runTx, txGet, txWrite } from '../kernel/transaction'

/** Building references from ops: ids, or names in any spelling the registry accepts ("3号楼" = "3栋"). */
export async function resolveBuildings(db: Db, communityId: string, refs: string[]): Promise<BuildingDoc[]> {
  const all = await loadBuildings(db, communityId)
  const byId = new Map(all.map((b) => [b._id, b]))
  const byName = new Map(all.map((b) => [b.name, b]))
  const found: BuildingDoc[] = []
  const unknown: string[] = []
  for (const ref of refs) {
    const b = byId.get(ref) ?? byName.get(ref) ?? byName.get(normalizeBuilding(ref) ?? '')
    if (b) {
      if (!found.includes(b)) found.push(b)
    } else unknown.push(ref)
  }
  if (unknown.length) throw householdError('GRID.UNKNOWN_BUILDING', `小区中没有这些楼栋：${unknown.join('、')}`)
  return found
}

/**
 * Sets a steward's grid to exactly `buildingIds`. Every change commits through the community's grid
 * index document inside a transaction: two concurrent assignments of one building both read the index,
 * the second commit conflicts, is retried, sees the building taken and is refused. The index is seeded
 * from the grids collection the first time (grids written before it existed).
 */
export async function setGrid(db: Db, communityId: string, stewardOpenid: string, buildingIds: string[], now: Date): Promise<{ released: string[] }> {
  const snapshot = must(await db.collection(COLLECTIONS.grids).where({ communityId }).limit(1000).get()).data as GridDoc[]
  const gridId = snapshot.find((g) => g.stewardOpenid === stewardOpenid)?._id ?? gridIdFor(communityId, stewardOpenid)
  const outcome = await runTx(db, async (t) => {
    const index = await txGet<GridIndexDoc>(t, HOUSEHOLD_COLLECTIONS.gridIndex, communityId)
    const owners: Record<string, string> = index ? { ...index.owners } : Object.fromEntries(snapshot.flatMap((g) => g.buildingIds.map((b) => [b, g.stewardOpenid])))
    const taken = buildingIds.filter((b) => owners[b] && owners[b] !== stewardOpenid)
    if (taken.length) return { taken, released: [] as string[] }
    const released = Object.keys(owners).filter((b) => owners[b] === stewardOpenid && !buildingIds.includes(b))
    for (const b of released) delete owners[b]
    for (const b of buildingIds) owners[b] = stewardOpenid
    await txWrite(t.collection(HOUSEHOLD_COLLECTIONS.gridIndex).doc(communityId).set({ owners, updatedAt: now }))
    await txWrite(t.collection(COLLECTIONS.grids).doc(gridId).set({ communityId, stewardOpenid, buildingIds, updatedAt: now }))
    return { taken: [] as string[], released }
  })
  if (outcome.taken.length) {
    const names = await buildingNames(db, outcome.taken)
    throw householdError('GRID.BUILDING_TAKEN', `以下楼栋已属于其他网格管家：${names.join('、')}，请先从原管家的网格中移出`)
  }
  return { released: outcome.released }
}

export async function buildingNames(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const _ = db.command
  const docs = must(await db.collection(COLLECTIONS.buildings).where({ _id: _.in(ids) }).limit(1000).get()).data as BuildingDoc[]
  const byId = new Map(docs.map((b) => [b._id, b.name]))
  return ids.map((id) => byId.get(id) ?? id)
}

/** ops.assignGrid: the steward must be active staff of the community, the buildings must exist. */
export async function assignGrid(db: Db, req: { communityId: string; stewardOpenid: string; buildings: string[]; now: Date }) {
  const steward = must(await db.collection(COLLECTIONS.staff).where({ communityId: req.communityId, openid: req.stewardOpenid, role: 'steward', status: 'active' }).limit(1).get()).data
  if (steward.length === 0) throw householdError('GRID.NOT_A_STEWARD')
  const buildings = await resolveBuildings(db, req.communityId, req.buildings)
  const { released } = await setGrid(db, req.communityId, req.stewardOpenid, buildings.map((b) => b._id), req.now)
  return { stewardOpenid: req.stewardOpenid, buildings: buildings.map((b) => b.name), released: await buildingNames(db, released) }
}
