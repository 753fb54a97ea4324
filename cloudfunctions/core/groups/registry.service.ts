import { randomBytes } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import type { GroupKind } from '../../contracts/groups.contract'
import { can, type CallerAccess } from '../auth'
import { must } from '../kernel/db-result'
import { DomainError, forbidden } from '../kernel/domain-error'
import { COLLECTIONS } from '../households'
import { authorizeGroupScope, loadManagedGroup } from './group-access'
import { GROUP_COLLECTIONS, type GroupDoc } from './group.model'

export interface CreateGroupInput {
  communityId: string
  name: string
  kind: GroupKind
  buildingIds: string[]
  capacity: number
  stewardOpenid?: string
}

/** Creates a group record; a steward for their own grid, ops for any steward of the community. */
export async function createGroup(db: Db, access: CallerAccess, input: CreateGroupInput, now: Date): Promise<GroupDoc> {
  const buildingIds = [...new Set(input.buildingIds)].sort()
  authorizeGroupScope(access, input.communityId, buildingIds)
  const stewardOpenid = input.stewardOpenid ?? access.openid
  if (stewardOpenid !== access.openid && !can(access, 'community.manage', { communityId: input.communityId })) throw forbidden('只有物业运营可以指定其他管家负责')
  await assertBuildingsExist(db, input.communityId, buildingIds)
  if (stewardOpenid !== access.openid) await assertSteward(db, input.communityId, stewardOpenid)
  const group: GroupDoc = {
    _id: `grp-${randomBytes(8).toString('hex')}`,
    communityId: input.communityId,
    name: input.name,
    kind: input.kind,
    buildingIds,
    allBuildings: buildingIds.length === 0,
    capacity: input.capacity,
    memberCount: 0,
    seatsLeft: input.capacity,
    stewardOpenid,
    openGId: null,
    openGIdBoundAt: null,
    status: 'active',
    code: null,
    codeRemindAt: null,
    codeReminded: false,
    lastPickedAt: new Date(0),
    activityRaw: 0,
    lastActivityAt: null,
    silent: false,
    silentSince: null,
    createdAt: now,
    updatedAt: now,
  }
  must(await db.collection(GROUP_COLLECTIONS.groups).add(group))
  return group
}

export interface UpdateGroupInput {
  groupId: string
  name?: string
  capacity?: number
  memberCount?: number
  status?: 'active' | 'archived'
}

/**
 * Edits a group the caller manages. Capacity and head count change together with seatsLeft; the update
 * is conditional on the counts it read, so a join confirmed meanwhile is never overwritten (CONFLICT).
 */
export async function updateGroup(db: Db, access: CallerAccess, input: UpdateGroupInput, now: Date): Promise<GroupDoc> {
  const g = await loadManagedGroup(db, access, input.groupId)
  const capacity = input.capacity ?? g.capacity
  const memberCount = input.memberCount ?? g.memberCount
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    capacity,
    memberCount,
    seatsLeft: capacity - memberCount,
    updatedAt: now,
  }
  const res = must(await db.collection(GROUP_COLLECTIONS.groups).where({ _id: g._id, memberCount: g.memberCount, capacity: g.capacity }).update(patch))
  if (res.updated !== 1) throw new DomainError('CONFLICT')
  return { ...g, ...patch }
}

/** A steward sees the groups in their charge; ops see every group of the community. */
export async function listGroups(db: Db, access: CallerAccess, communityId: string): Promise<GroupDoc[]> {
  const where = can(access, 'community.manage', { communityId }) ? { communityId } : { communityId, stewardOpenid: access.openid }
  const res = must(await db.collection(GROUP_COLLECTIONS.groups).where(where).orderBy('createdAt', 'asc').limit(200).get())
  return res.data as GroupDoc[]
}

async function assertBuildingsExist(db: Db, communityId: string, buildingIds: string[]): Promise<void> {
  if (buildingIds.length === 0) return
  const _ = db.command
  const res = must(await db.collection(COLLECTIONS.buildings).where({ _id: _.in(buildingIds), communityId }).field({ _id: true }).limit(100).get())
  if (res.data.length !== buildingIds.length) throw new DomainError('GROUP.BUILDING_UNKNOWN', '楼栋不属于该小区')
}

async function assertSteward(db: Db, communityId: string, openid: string): Promise<void> {
  const res = must(await db.collection(COLLECTIONS.staff).where({ openid, communityId, role: 'steward', status: 'active' }).limit(1).get())
  if (res.data.length === 0) throw new DomainError('GROUP.STEWARD_UNKNOWN', '指定的管家不在本小区')
}
