import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import type { CallerAccess } from '../auth'
import { authorize } from '../auth'
import { homeStewardOf } from './home-steward'
import { getHousehold, labelOf } from './household-summary'
import { maskName } from './mask'

/** One household for a member, its steward or ops. The owner is shown masked: "刘*", 尾号 2301. */
export async function householdDetail(db: Db, access: CallerAccess, householdId: string) {
  const h = await getHousehold(db, householdId)
  authorize(access, 'household.read', { communityId: h.communityId, householdId, buildingId: h.buildingId })
  const [activeMembers, steward, label] = await Promise.all([
    db.collection(COLLECTIONS.residents).where({ householdId, status: 'active' }).count(),
    homeStewardOf(db, h.communityId, h.buildingId),
    labelOf(db, h),
  ])
  return {
    householdId,
    label,
    areaM2: h.areaM2,
    ownerNameMasked: maskName(h.ownerName),
    ownerPhoneLast4: h.ownerPhoneLast4,
    activeMembers: must(activeMembers).total,
    homeSteward: steward ? { name: steward.name } : null,
  }
}
