import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { forbidden, notFound } from '../kernel/domain-error'
import { COLLECTIONS } from '../households'
import type { CallerAccess } from '../auth'
import { authorize, can } from '../auth'
import type { BuildingDoc, HouseholdDoc } from '../households'
import type { RepairPlace } from '../../contracts/repairs.contract'

export interface ResolvedPlace {
  communityId: string
  householdId: string | null
  buildingId: string | null
  placeKind: 'household' | 'public'
  placeLabel: string
}

/**
 * Where the problem is, checked against who is asking: their own household (any active member may file),
 * or a public area of a community they live in — optionally tied to a building (lift, stairwell).
 */
export async function resolvePlace(db: Db, access: CallerAccess, place: RepairPlace): Promise<ResolvedPlace> {
  if (place.kind === 'household') {
    const membership = access.memberships.find((m) => m.householdId === place.householdId)
    if (!membership) throw forbidden('只能为自己的房屋报修')
    authorize(access, 'household.act', { communityId: membership.communityId, householdId: place.householdId })
    const h = (must(await db.collection(COLLECTIONS.households).doc(place.householdId).get()).data as HouseholdDoc[])[0]
    if (!h) throw notFound('房屋')
    return { communityId: h.communityId, householdId: h._id, buildingId: h.buildingId, placeKind: 'household', placeLabel: `${h.building}${h.unit}${h.room}` }
  }
  if (!can(access, 'community.resident', { communityId: place.communityId })) throw forbidden('只能报修自己所在小区的公共区域')
  if (!place.buildingId) {
    return { communityId: place.communityId, householdId: null, buildingId: null, placeKind: 'public', placeLabel: `公共区域 ${place.area}` }
  }
  const b = (must(await db.collection(COLLECTIONS.buildings).doc(place.buildingId).get()).data as BuildingDoc[])[0]
  if (!b || b.communityId !== place.communityId) throw notFound('楼栋')
  return { communityId: place.communityId, householdId: null, buildingId: b._id, placeKind: 'public', placeLabel: `${b.name} ${place.area}` }
}
