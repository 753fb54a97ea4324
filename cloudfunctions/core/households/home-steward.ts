import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import type { GridDoc, StaffDoc } from './household.model'

/**
 * A household's home steward: the active steward whose grid holds its building. Attribution falls back
 * to this steward when no recent touch decides an order.
 */
export async function homeStewardOf(db: Db, communityId: string, buildingId: string): Promise<{ openid: string; name: string } | null> {
  const grids = must(await db.collection(COLLECTIONS.grids).where({ communityId, buildingIds: buildingId }).limit(5).get()).data as GridDoc[]
  if (grids.length === 0) return null
  const _ = db.command
  const staff = must(
    await db
      .collection(COLLECTIONS.staff)
      .where({ openid: _.in(grids.map((g) => g.stewardOpenid)), communityId, role: 'steward', status: 'active' })
      .limit(5)
      .get(),
  ).data as StaffDoc[]
  const steward = staff[0]
  return steward ? { openid: steward.openid, name: steward.name } : null
}
