import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import type { BuildingDoc, CommunityDoc, HouseholdDoc } from './household.model'
import { naturalCompare } from './natural-sort'

/**
 * The binding picker: community → building → unit → room. These lists show the registry's shape only;
 * owner names and phones never leave the server here.
 */
export async function listCommunities(db: Db, keyword?: string) {
  const where = keyword ? { name: db.RegExp({ regexp: keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' }) } : {}
  const docs = must(await db.collection(COLLECTIONS.communities).where(where).limit(100).get()).data as CommunityDoc[]
  return {
    communities: docs.map((c) => ({ id: c._id, name: c.name, city: c.city ?? null })).sort((a, b) => naturalCompare(a.name, b.name)),
  }
}

export async function listBuildings(db: Db, communityId: string) {
  const docs = must(await db.collection(COLLECTIONS.buildings).where({ communityId }).limit(1000).get()).data as BuildingDoc[]
  return { buildings: docs.map((b) => ({ id: b._id, name: b.name })).sort((a, b) => naturalCompare(a.name, b.name)) }
}

/** Distinct units by aggregation, so a 600-room tower costs one small answer, not 600 documents. */
export async function listUnits(db: Db, buildingId: string) {
  const res = must(await db.collection(COLLECTIONS.households).aggregate().match({ buildingId }).group({ _id: '$unit' }).limit(200).end()) as { data: { _id: string }[] }
  return { units: res.data.map((d) => d._id).sort(naturalCompare) }
}

export async function listRooms(db: Db, buildingId: string, unit: string) {
  const docs = must(await db.collection(COLLECTIONS.households).where({ buildingId, unit }).field({ room: true }).limit(1000).get()).data as Pick<HouseholdDoc, '_id' | 'room'>[]
  return { rooms: docs.map((h) => ({ householdId: h._id, room: h.room })).sort((a, b) => naturalCompare(a.room, b.room)) }
}
