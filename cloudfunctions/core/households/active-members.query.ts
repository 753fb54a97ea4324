import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import type { ResidentDoc } from './household.model'

const CHUNK = 100

/**
 * The active members (openids) of the given households, for areas that reach people through their homes
 * (targeted pushes). 100 households per read; a household has a handful of members, so a page never
 * nears CloudBase's 1000-row cap.
 */
export async function activeMembersOf(db: Db, householdIds: readonly string[]): Promise<{ householdId: string; openid: string }[]> {
  const _ = db.command
  const out: { householdId: string; openid: string }[] = []
  for (let i = 0; i < householdIds.length; i += CHUNK) {
    const ids = householdIds.slice(i, i + CHUNK)
    const rows = must(
      await db.collection(COLLECTIONS.residents).where({ householdId: _.in(ids), status: 'active' }).field({ householdId: true, openid: true }).limit(1000).get(),
    ).data as Pick<ResidentDoc, 'householdId' | 'openid'>[]
    for (const r of rows) out.push({ householdId: r.householdId, openid: r.openid })
  }
  return out
}

/** Where a household is (community, building), for other areas' permission checks; null when unknown. */
export async function householdScope(db: Db, householdId: string): Promise<{ communityId: string; buildingId: string } | null> {
  const row = (must(await db.collection(COLLECTIONS.households).doc(householdId).field({ communityId: true, buildingId: true }).get()).data as { communityId: string; buildingId: string }[])[0]
  return row ? { communityId: row.communityId, buildingId: row.buildingId } : null
}
