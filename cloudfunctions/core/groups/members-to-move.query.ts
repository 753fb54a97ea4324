import type { Db } from '@cloudbase/database'
import type { Platform } from '../kernel/platform'
import type { CallerAccess } from '../auth'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from '../households'
import type { HouseholdDoc } from '../households'
import { loadBuildingNames, loadManagedGroup } from './group-access'
import { groupSummary } from './group-view'
import { GROUP_COLLECTIONS, type GroupDoc, type GroupMemberDoc } from './group.model'
import { isEligible } from './join.service'
import { ACTIVE_MEMBER_MS } from './lifecycle.rules'

/**
 * For a silent group: the members still active (a card open, join or order in the last 14 days) and a
 * live group of the same kind to invite them to. Members are shown by room, never by name or phone.
 */
export async function membersToMove(platform: Platform, access: CallerAccess, groupId: string) {
  const db = platform.db
  const _ = db.command
  const now = platform.clock.now()
  const group = await loadManagedGroup(db, access, groupId)
  const since = new Date(now.getTime() - ACTIVE_MEMBER_MS)
  const active = must(
    await db.collection(GROUP_COLLECTIONS.members).where({ groupId, status: 'joined', lastActiveAt: _.gte(since) }).orderBy('lastActiveAt', 'desc').limit(100).get(),
  ).data as GroupMemberDoc[]
  const rooms = await roomLabels(db, active.map((m) => m.householdId).filter((id): id is string => !!id))
  const target = await liveTarget(db, group, now)
  const names = await loadBuildingNames(db, target?.buildingIds ?? [])
  return {
    members: active.map((m) => ({
      label: (m.householdId && rooms.get(m.householdId)) || '未绑定房屋的成员',
      identity: m.identity,
      lastActiveAt: new Date(m.lastActiveAt).toISOString(),
    })),
    target: target ? groupSummary(target, names) : null,
  }
}

async function roomLabels(db: Db, householdIds: string[]): Promise<Map<string, string>> {
  if (householdIds.length === 0) return new Map()
  const _ = db.command
  const res = must(await db.collection(COLLECTIONS.households).where({ _id: _.in([...new Set(householdIds)]) }).field({ building: true, unit: true, room: true }).limit(100).get())
  return new Map((res.data as HouseholdDoc[]).map((h) => [h._id, `${h.building}${h.unit}${h.room}`]))
}

/** A live, non-silent group of the same kind that covers the silent group's buildings (or the whole community). */
async function liveTarget(db: Db, group: GroupDoc, now: Date): Promise<GroupDoc | null> {
  const _ = db.command
  const res = must(
    await db
      .collection(GROUP_COLLECTIONS.groups)
      .where({ communityId: group.communityId, kind: group.kind, status: 'active', silent: false, seatsLeft: _.gt(0), _id: _.neq(group._id) })
      .orderBy('lastPickedAt', 'asc')
      .limit(50)
      .get(),
  ).data as GroupDoc[]
  const covers = (g: GroupDoc) => g.allBuildings || group.buildingIds.every((b) => g.buildingIds.includes(b))
  return res.find((g) => isEligible(g, now) && covers(g)) ?? null
}
