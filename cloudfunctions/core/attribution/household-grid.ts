import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from '../shared/collections'
import type { GridDoc, HouseholdDoc } from '../households/household.model'

export interface HomeGrid {
  buildingId: string
  gridId: string | null
  /** The grid's steward (whether still active is the caller's check). */
  stewardOpenid: string | null
}

/** A household's building and the grid that holds it (a building is in at most one grid). */
export async function homeGridOf(db: Db, communityId: string, householdId: string): Promise<HomeGrid | null> {
  const household = (must(await db.collection(COLLECTIONS.households).doc(householdId).field({ buildingId: true }).get()).data as Pick<HouseholdDoc, 'buildingId'>[])[0]
  if (!household) return null
  const grids = must(await db.collection(COLLECTIONS.grids).where({ communityId, buildingIds: household.buildingId }).limit(2).get()).data as GridDoc[]
  const grid = grids[0]
  return { buildingId: household.buildingId, gridId: grid?._id ?? null, stewardOpenid: grid?.stewardOpenid ?? null }
}
