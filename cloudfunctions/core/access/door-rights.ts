import type { Db } from '@cloudbase/database'
import { authorize } from '../auth'
import type { CallerAccess } from '../auth'
import { must } from '../kernel/db-result'
import { forbidden } from '../kernel/domain-error'
import { ACCESS_COLLECTIONS, type DoorDoc } from './access.model'
import { accessError } from './access-errors'

export type Membership = CallerAccess['memberships'][number]

/**
 * Door rights are never stored: they are derived on every call from the caller's live memberships
 * (the call's `ctx.access()`), so a removed member or one who moved out loses every door at the next request.
 */
export function resolveMembership(access: CallerAccess, householdId?: string): Membership {
  const membership = householdId ? access.memberships.find((m) => m.householdId === householdId) : access.memberships[0]
  if (!membership) throw householdId ? forbidden() : accessError('ACCESS.NO_HOUSEHOLD')
  authorize(access, 'household.act', { communityId: membership.communityId, householdId: membership.householdId, buildingId: membership.buildingId })
  return membership
}

/** A community has tens of doors, a large one a few hundred: one indexed read, well under the 1000 cap. */
export async function activeDoors(db: Db, communityId: string): Promise<DoorDoc[]> {
  const res = must(await db.collection(ACCESS_COLLECTIONS.doors).where({ communityId, status: 'active' }).limit(1000).get())
  return (res.data as DoorDoc[]).sort((a, b) => a.doorNo - b.doorNo)
}

export function doorsInScope(doors: DoorDoc[], place: { communityId: string; buildingId: string }): DoorDoc[] {
  return doors.filter((d) => d.communityId === place.communityId && (d.kind === 'gate' || d.buildingId === place.buildingId))
}

export async function loadDoor(db: Db, doorId: string): Promise<DoorDoc | undefined> {
  return (must(await db.collection(ACCESS_COLLECTIONS.doors).doc(doorId).get()).data as DoorDoc[])[0]
}

export function doorView(d: DoorDoc) {
  return { doorId: d._id, name: d.name, kind: d.kind }
}
