import type { Db } from '@cloudbase/database'
import type { HouseholdSummary } from '../../contracts/households.contract'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import { householdLabel, type CommunityDoc, type HouseholdDoc, type MemberRole } from './household.model'
import { householdError } from './household-errors'

export function toSummary(communityName: string, h: HouseholdDoc, role: MemberRole): HouseholdSummary {
  return {
    householdId: h._id,
    communityId: h.communityId,
    communityName,
    building: h.building,
    unit: h.unit,
    room: h.room,
    label: householdLabel(communityName, h),
    areaM2: h.areaM2,
    role,
  }
}

export async function getHousehold(db: Db, householdId: string): Promise<HouseholdDoc> {
  const h = (must(await db.collection(COLLECTIONS.households).doc(householdId).get()).data as HouseholdDoc[])[0]
  if (!h) throw householdError('HOUSEHOLD.NOT_FOUND')
  return h
}

export async function communityName(db: Db, communityId: string): Promise<string> {
  const c = (must(await db.collection(COLLECTIONS.communities).doc(communityId).get()).data as CommunityDoc[])[0]
  return c?.name ?? ''
}

export async function labelOf(db: Db, h: HouseholdDoc): Promise<string> {
  return householdLabel(await communityName(db, h.communityId), h)
}
