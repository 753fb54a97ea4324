import type { Db } from '@cloudbase/database'
import { must } from '../../kernel/db-result'
import { COLLECTIONS } from '../registry-collections'
import type { BuildingDoc, HouseholdDoc } from '../household.model'

export type ExistingHousehold = Pick<HouseholdDoc, '_id' | 'buildingId' | 'building' | 'unit' | 'room' | 'areaM2' | 'ownerName' | 'ownerPhoneHash'>

const PAGE = 1000

/** Every building of the community (a community has tens, never a thousand). */
export async function loadBuildings(db: Db, communityId: string): Promise<BuildingDoc[]> {
  return must(await db.collection(COLLECTIONS.buildings).where({ communityId }).limit(PAGE).get()).data as BuildingDoc[]
}

/**
 * Every household of the community, 1000 per read (CloudBase's cap), paged by _id rather than skip so
 * each page is an index range, not a rescan: 10k households are 10 reads.
 */
export async function loadHouseholds(db: Db, communityId: string): Promise<ExistingHousehold[]> {
  const _ = db.command
  const out: ExistingHousehold[] = []
  let after: string | undefined
  for (;;) {
    const where = after === undefined ? { communityId } : { communityId, _id: _.gt(after) }
    const page = must(
      await db
        .collection(COLLECTIONS.households)
        .where(where)
        .orderBy('_id', 'asc')
        .limit(PAGE)
        .field({ buildingId: true, building: true, unit: true, room: true, areaM2: true, ownerName: true, ownerPhoneHash: true })
        .get(),
    ).data as ExistingHousehold[]
    out.push(...page)
    if (page.length < PAGE) return out
    after = page[page.length - 1]._id
  }
}

/** Ids per `_.in` read: one get answers all of them (well under the 1000-document cap). */
const IDS_PER_READ = 100

/**
 * The named households of the community (unknown ids and other communities' households are skipped),
 * 100 ids per read: for a caller that already knows which households it wants (a segment's matches),
 * so a few hundred households cost a few reads instead of the whole registry.
 */
export async function loadHouseholdsByIds(db: Db, communityId: string, ids: readonly string[]): Promise<ExistingHousehold[]> {
  const _ = db.command
  const out: ExistingHousehold[] = []
  for (let i = 0; i < ids.length; i += IDS_PER_READ) {
    const part = ids.slice(i, i + IDS_PER_READ)
    const page = must(
      await db
        .collection(COLLECTIONS.households)
        .where({ communityId, _id: _.in(part) })
        .limit(IDS_PER_READ)
        .field({ buildingId: true, building: true, unit: true, room: true, areaM2: true, ownerName: true, ownerPhoneHash: true })
        .get(),
    ).data as ExistingHousehold[]
    out.push(...page)
  }
  return out.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
}
