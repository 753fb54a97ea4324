import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { loadHouseholds, loadHouseholdsByIds, type HouseholdDoc } from '../households'
import { INTERACTION_COLLECTION } from './interaction.model'
import { INTEREST_COLLECTIONS } from './interest.model'
import { levelFloor } from './interest-math'
import { loadProfileSettings } from './profile-settings'
import type { SegmentCriteria } from './segment.model'
import { TAG_COLLECTIONS } from './tag.model'

const PAGE = 1000
const DAY_MS = 86_400_000
/** Up to this many matched households are read by id; more, and one pass over the registry is cheaper. */
const BY_ID_LIMIT = 2000

export type SegmentHousehold = Pick<HouseholdDoc, '_id' | 'buildingId' | 'building' | 'unit' | 'room' | 'ownerName'>

export interface Evaluated {
  households: SegmentHousehold[]
  dbCalls: number
}

/** Distinct values of `field` over the rows matching `where`, paged by _id (each page an index range). */
async function distinct(platform: Platform, collection: string, where: Record<string, unknown>, field: string, count: () => void): Promise<Set<string>> {
  const _ = platform.db.command
  const out = new Set<string>()
  let after = ''
  for (;;) {
    count()
    const page = must(
      await platform.db.collection(collection).where({ ...where, _id: _.gt(after) }).orderBy('_id', 'asc').field({ [field]: true }).limit(PAGE).get(),
    ).data as Record<string, string>[]
    for (const r of page) out.add(r[field])
    if (page.length < PAGE) return out
    after = page[page.length - 1]._id
  }
}

function intersect(a: Set<string> | null, b: Set<string>): Set<string> {
  if (a === null) return b
  return new Set([...a].filter((x) => b.has(x)))
}

/**
 * The households a segment selects, now: the community's households in the target buildings (null = all),
 * narrowed by each criterion given. Each criterion is one indexed query answering household ids, so the
 * cost is the size of the matches, not of the community's history.
 */
export async function evaluateSegment(platform: Platform, communityId: string, buildings: string[] | null, criteria: SegmentCriteria): Promise<Evaluated> {
  const db = platform.db
  const _ = db.command
  const now = platform.clock.now()
  let dbCalls = 0
  const count = () => void dbCalls++
  let ids: Set<string> | null = null
  if (criteria.purchased) {
    const since = new Date(now.getTime() - criteria.purchased.withinDays * DAY_MS)
    ids = intersect(ids, await distinct(platform, INTERACTION_COLLECTION, { communityId, category: criteria.purchased.category, at: _.gte(since), kind: 'purchase' }, 'householdId', count))
  }
  if (criteria.interest) {
    count()
    const settings = await loadProfileSettings(db, communityId)
    const floor = levelFloor(criteria.interest.minScore, now, settings.halfLifeDays)
    ids = intersect(ids, await distinct(platform, INTEREST_COLLECTIONS.interest, { communityId, category: criteria.interest.category, level: _.gte(floor) }, 'householdId', count))
  }
  for (const tagId of criteria.tagIds) {
    ids = intersect(ids, await distinct(platform, TAG_COLLECTIONS.householdTags, { communityId, tagId }, 'householdId', count))
  }
  // Buildings last: the registry read is the biggest, and an empty match above skips it.
  if (ids !== null && ids.size === 0) return { households: [], dbCalls }
  const wanted = buildings ? new Set(buildings) : null
  let all: SegmentHousehold[]
  if (ids !== null && ids.size <= BY_ID_LIMIT) {
    // A few hundred matches: read just those households (100 per read), not the whole registry.
    dbCalls += Math.ceil(ids.size / 100)
    all = await loadHouseholdsByIds(db, communityId, [...ids].sort())
  } else {
    dbCalls += 1
    all = await loadHouseholds(db, communityId)
    dbCalls += Math.floor(all.length / PAGE)
  }
  const households = all.filter((h) => (!wanted || wanted.has(h.buildingId)) && (ids === null || ids.has(h._id)))
  return { households: households.map((h) => ({ _id: h._id, buildingId: h.buildingId, building: h.building, unit: h.unit, room: h.room, ownerName: h.ownerName })), dbCalls }
}
