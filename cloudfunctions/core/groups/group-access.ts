import type { Db } from '@cloudbase/database'
import type { CallerAccess } from '../auth'
import { can, communitiesWhere } from '../auth'
import { must } from '../kernel/db-result'
import { forbidden, notFound } from '../kernel/domain-error'
import { COLLECTIONS } from '../households'
import { GROUP_COLLECTIONS, type GroupDoc } from './group.model'

/** Ops run the whole community; a steward runs the groups put in their charge and nothing else. */
export function canManageGroup(access: CallerAccess, group: Pick<GroupDoc, 'communityId' | 'stewardOpenid'>): boolean {
  if (can(access, 'community.manage', { communityId: group.communityId })) return true
  return can(access, 'community.steward', { communityId: group.communityId }) && group.stewardOpenid === access.openid
}

/**
 * A steward may only cover buildings of their own grid (the grid rule of core/auth); a community-wide
 * group has no building, so only ops may create one for another steward, and a steward's own
 * community-wide group is fine.
 */
export function authorizeGroupScope(access: CallerAccess, communityId: string, buildingIds: string[]): void {
  if (can(access, 'community.manage', { communityId })) return
  if (!can(access, 'community.steward', { communityId })) throw forbidden()
  for (const buildingId of buildingIds) {
    if (!can(access, 'grid.read', { communityId, buildingId })) throw forbidden('只能为自己网格内的楼栋建群')
  }
}

export async function loadGroup(db: Db, groupId: string): Promise<GroupDoc> {
  const g = (must(await db.collection(GROUP_COLLECTIONS.groups).doc(groupId).get()).data as GroupDoc[])[0]
  if (!g) throw notFound('社群')
  return g
}

/** Loads a group the caller manages; another steward's group is AUTH.FORBIDDEN, before any write. */
export async function loadManagedGroup(db: Db, access: CallerAccess, groupId: string): Promise<GroupDoc> {
  const g = await loadGroup(db, groupId)
  if (!canManageGroup(access, g)) throw forbidden('只能管理自己负责的社群')
  return g
}

/** The communities where the caller is steward or ops, or the one asked for if it is among them. */
export function staffCommunity(access: CallerAccess, communityId?: string): string {
  const mine = communitiesWhere(access, 'community.lead')
  const chosen = communityId ?? mine[0]
  if (!chosen || !mine.includes(chosen)) throw forbidden()
  return chosen
}

export async function loadBuildingNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const _ = db.command
  const res = must(await db.collection(COLLECTIONS.buildings).where({ _id: _.in(unique.slice(0, 500)) }).field({ name: true }).limit(500).get())
  return new Map((res.data as { _id: string; name: string }[]).map((b) => [b._id, b.name]))
}
