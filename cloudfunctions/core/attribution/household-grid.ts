import type { Db } from '@cloudbase/database'
import { collectionOf } from '../kernel/collection'
import { COLLECTIONS } from '../households'
import type { GridDoc, HouseholdDoc } from '../households'

export interface HomeGrid {
  buildingId: string
  gridId: string | null
  /** The grid's steward (whether still active is the caller's check). */
  stewardOpenid: string | null
}

/** A household's building and the grid that holds it (a building is in at most one grid). */
export async function homeGridOf(db: Db, communityId: string, householdId: string): Promise<HomeGrid | null> {
  const household = await collectionOf<HouseholdDoc>(db, COLLECTIONS.households).byId(householdId)
  if (!household) return null
  const grid = await collectionOf<GridDoc>(db, COLLECTIONS.grids).first({ communityId, buildingIds: household.buildingId })
  return { buildingId: household.buildingId, gridId: grid?._id ?? null, stewardOpenid: grid?.stewardOpenid ?? null }
}
