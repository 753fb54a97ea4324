import type { Platform } from '../kernel/platform'
import type { CallerAccess } from '../auth'
import { must, rethrowDomain } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { loadGroup, loadManagedGroup } from './group-access'
import { GROUP_COLLECTIONS, type GroupDoc, type GroupMemberDoc } from './group.model'
import { creditActivity, markJoined, memberId } from './membership.service'
import { openGidResolverOf } from '../kernel/ports/open-gid.port'
import { reportHouseholdFactsBestEffort } from '../profiles'

interface OpenGidDoc {
  _id: string
  groupId: string
  communityId: string
  boundAt: Date
}

async function resolveOrRefuse(platform: Platform, cloudID: string, openid: string): Promise<string> {
  const openGId = await openGidResolverOf(platform).resolve(cloudID, openid)
  if (!openGId) throw new DomainError('GROUP.CARD_UNVERIFIED', '无法识别所在的微信群，请在要绑定的微信群里打开管家分享的卡片后再试')
  return openGId
}

/**
 * Binds the WeChat group a steward's card was opened in to a group record. The mapping document's _id
 * is the openGId, so two records can never claim the same WeChat group: the read and both writes run in
 * one transaction, and two stewards binding the same chat at once conflict and the loser sees it taken.
 */
export async function bindOpenGid(platform: Platform, access: CallerAccess, groupId: string, cloudID: string): Promise<GroupDoc> {
  const db = platform.db
  const group = await loadManagedGroup(db, access, groupId)
  const openGId = await resolveOrRefuse(platform, cloudID, access.openid)
  if (group.openGId === openGId) return group
  const now = platform.clock.now()
  try {
    await db.runTransaction(async (t: any) => {
      const mapping = must(await t.collection(GROUP_COLLECTIONS.openGids).doc(openGId).get()).data as OpenGidDoc | undefined
      if (mapping && mapping.groupId !== group._id) {
        throw new DomainError('GROUP.OPENGID_TAKEN', '这个微信群已绑定到另一个社群记录，一个微信群只能对应一个社群')
      }
      const fresh = must(await t.collection(GROUP_COLLECTIONS.groups).doc(group._id).get()).data as GroupDoc
      if (fresh.openGId && fresh.openGId !== openGId) must(await t.collection(GROUP_COLLECTIONS.openGids).doc(fresh.openGId).remove())
      if (!mapping) must(await t.collection(GROUP_COLLECTIONS.openGids).add({ _id: openGId, groupId: group._id, communityId: group.communityId, boundAt: now }))
      must(await t.collection(GROUP_COLLECTIONS.groups).doc(group._id).update({ openGId, openGIdBoundAt: now, updatedAt: now }))
    })
  } catch (e) {
    rethrowDomain(e)
  }
  return { ...group, openGId, openGIdBoundAt: now, updatedAt: now }
}

/**
 * A card opened inside a WeChat group: if that group is registered, the person is in it — remember the
 * group for them (joined, counted once) and count the open towards the group's activity. Unknown chats
 * are simply not recognised; nothing is written for them.
 */
export async function recordEntry(platform: Platform, access: CallerAccess, cloudID: string): Promise<GroupDoc | null> {
  const db = platform.db
  const openGId = await openGidResolverOf(platform).resolve(cloudID, access.openid)
  if (!openGId) return null
  const mapping = (must(await db.collection(GROUP_COLLECTIONS.openGids).doc(openGId).get()).data as OpenGidDoc[])[0]
  if (!mapping) return null
  const group = await loadGroup(db, mapping.groupId)
  const now = platform.clock.now()
  const _ = db.command
  const id = memberId(group._id, access.openid)
  // The common case (a known member opening another card) is two atomic increments, no transaction.
  const touched = must(
    await db.collection(GROUP_COLLECTIONS.members).where({ _id: id, status: 'joined' }).update({ entries: _.inc(1), lastEnteredAt: now, lastActiveAt: now }),
  )
  const home = access.memberships.find((m) => m.communityId === group.communityId)
  // A card opened inside the group is a 社群活跃 fact of the household (one per opening).
  const entry = home ? [{ householdId: home.householdId, communityId: group.communityId, kind: 'group_activity' as const, sourceId: `${id}-${now.getTime()}`, at: now }] : []
  if (touched.updated === 1) {
    await creditActivity(db, group._id, 'open', now)
    await reportHouseholdFactsBestEffort(platform, entry)
    return group
  }
  const { newlyJoined } = await markJoined(db, group, { openid: access.openid, householdId: home?.householdId ?? null, identity: home?.role ?? null }, now, true)
  const joined = home && newlyJoined ? [{ householdId: home.householdId, communityId: group.communityId, kind: 'group_joined' as const, sourceId: id, at: now }] : []
  await reportHouseholdFactsBestEffort(platform, [...joined, ...entry])
  return group
}

/** The resident says they are in: only for a group they were given (or are already in). */
export async function confirmJoined(platform: Platform, access: CallerAccess, groupId: string): Promise<GroupDoc> {
  const db = platform.db
  const member = (must(await db.collection(GROUP_COLLECTIONS.members).doc(memberId(groupId, access.openid)).get()).data as GroupMemberDoc[])[0]
  if (!member) throw new DomainError('GROUP.NOT_ASSIGNED', '请先在“加入社群”页面领取入群二维码')
  const group = await loadGroup(db, groupId)
  if (member.status === 'joined') return group
  const now = platform.clock.now()
  const { newlyJoined } = await markJoined(db, group, { openid: access.openid, householdId: member.householdId, identity: member.identity }, now, false)
  if (newlyJoined && member.householdId) await reportHouseholdFactsBestEffort(platform, [{ householdId: member.householdId, communityId: group.communityId, kind: 'group_joined', sourceId: member._id, at: now }])
  return newlyJoined ? { ...group, memberCount: group.memberCount + 1, seatsLeft: group.seatsLeft - 1 } : group
}
