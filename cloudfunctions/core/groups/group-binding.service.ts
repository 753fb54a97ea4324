import type { Platform } from '../kernel/platform'
import type { CallerAccess } from '../auth'
import { must, rethrowDomain } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { loadGroup, loadManagedGroup } from './group-access'
import { GROUP_COLLECTIONS, type GroupDoc, type GroupMemberDoc } from './group.model'
import { markJoined, memberId, type MemberChange } from './membership.service'
import { openGidResolverOf } from '../kernel/ports/open-gid.port'
import { emitAlone, processAfterCommit } from '../outbox'
import { GROUP_TOPICS, groupEvent, openingKey } from './group-events'

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

/** Right after the membership's commit: its profile facts (the processOutbox timer finishes any left). */
async function afterCommit(platform: Platform, change: MemberChange): Promise<void> {
  for (const event of change.events) await processAfterCommit({ platform, now: () => platform.clock.now() }, event)
}

/**
 * A card opened inside a WeChat group: if that group is registered, the person is in it — remember the
 * group for them (joined, counted once) and count the open towards the group's activity, once per
 * opening (`requestId`: a retry of the same call is the same opening). Unknown chats are simply not
 * recognised; nothing is written for them.
 */
export async function recordEntry(platform: Platform, access: CallerAccess, cloudID: string, requestId?: string): Promise<GroupDoc | null> {
  const db = platform.db
  const openGId = await openGidResolverOf(platform).resolve(cloudID, access.openid)
  if (!openGId) return null
  const mapping = (must(await db.collection(GROUP_COLLECTIONS.openGids).doc(openGId).get()).data as OpenGidDoc[])[0]
  if (!mapping) return null
  const group = await loadGroup(db, mapping.groupId)
  const now = platform.clock.now()
  const home = access.memberships.find((m) => m.communityId === group.communityId)
  const who = { openid: access.openid, householdId: home?.householdId ?? null, identity: home?.role ?? null }
  const opening = openingKey(requestId, now)
  const id = memberId(group._id, access.openid)
  const member = (must(await db.collection(GROUP_COLLECTIONS.members).doc(id).get()).data as GroupMemberDoc[])[0]
  if (member?.status === 'joined') {
    // The common case, a member opening another card: the opening is one write, its group.entered event
    // (a retry of the same opening meets the duplicate id and writes nothing); the groups.entry-activity
    // and profile effects count it from there, once each. A member never stops being one.
    const event = groupEvent(GROUP_TOPICS.entered, { groupId: group._id, memberId: id, householdId: who.householdId, communityId: group.communityId, at: now, credited: false }, opening)
    if (await emitAlone(db, event)) await afterCommit(platform, { newlyJoined: false, events: [event] })
    return group
  }
  await afterCommit(platform, await markJoined(db, group, who, now, opening))
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
  const change = await markJoined(db, group, { openid: access.openid, householdId: member.householdId, identity: member.identity }, now, null)
  await afterCommit(platform, change)
  return change.newlyJoined ? { ...group, memberCount: group.memberCount + 1, seatsLeft: group.seatsLeft - 1 } : group
}
