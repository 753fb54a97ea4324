import type { Db } from '@cloudbase/database'
import type { Member } from '../../contracts/households-members.schemas'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import type { CallerAccess, ResourceScope } from '../auth'
import { authorize, can, sharingOf, type HouseholdSharing } from '../auth'
import { householdError } from './household-errors'
import type { HouseholdDoc, ResidentDoc } from './household.model'
import { getHousehold, labelOf } from './household-summary'

const scopeOf = (h: HouseholdDoc): ResourceScope => ({ communityId: h.communityId, householdId: h._id, buildingId: h.buildingId })
const ROLE_ORDER = { owner: 0, family: 1, tenant: 2 } as const

/** Members of a household; pending requests are shown to those who can approve them. */
export async function listMembers(db: Db, access: CallerAccess, householdId: string) {
  const household = await getHousehold(db, householdId)
  authorize(access, 'household.read', scopeOf(household))
  const canManage = can(access, 'household.manageMembers', scopeOf(household))
  const _ = db.command
  const rows = must(await db.collection(COLLECTIONS.residents).where({ householdId, status: _.in(canManage ? ['active', 'pending'] : ['active']) }).limit(100).get()).data as ResidentDoc[]
  const members: Member[] = rows
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || new Date(a.boundAt).getTime() - new Date(b.boundAt).getTime())
    .map((m) => ({
      memberId: m._id,
      role: m.role,
      status: m.status as 'active' | 'pending',
      nickname: m.nickname ?? null,
      isMe: m.openid === access.openid,
      joinedAt: new Date(m.boundAt).toISOString(),
    }))
  return { householdId, householdLabel: await labelOf(db, household), canManage, members, sharing: sharingOf(household.sharing) }
}

/** The owner's choice of who sees the whole household; effective on the next call (access is loaded per call). */
export async function setSharing(db: Db, access: CallerAccess, householdId: string, sharing: HouseholdSharing, now: Date) {
  const household = await getHousehold(db, householdId)
  authorize(access, 'household.manageMembers', scopeOf(household))
  must(await db.collection(COLLECTIONS.households).doc(householdId).update({ sharing: { family: sharing.family, tenant: sharing.tenant }, updatedAt: now }))
  return { householdId, sharing: { family: sharing.family, tenant: sharing.tenant } }
}

async function memberOf(db: Db, householdId: string, memberId: string): Promise<ResidentDoc> {
  const m = (must(await db.collection(COLLECTIONS.residents).doc(memberId).get()).data as ResidentDoc[])[0]
  if (!m || m.householdId !== householdId || m.status === 'removed') throw householdError('MEMBER.NOT_FOUND')
  return m
}

/** The owner lets an invited person in; only then do bills, doors and orders of the home open up. */
export async function approveMember(db: Db, access: CallerAccess, householdId: string, memberId: string, now: Date) {
  const household = await getHousehold(db, householdId)
  authorize(access, 'household.manageMembers', scopeOf(household))
  await memberOf(db, householdId, memberId)
  const res = must(await db.collection(COLLECTIONS.residents).where({ _id: memberId, householdId, status: 'pending' }).update({ status: 'active', approvedAt: now }))
  if (res.updated !== 1) throw householdError('MEMBER.NOT_PENDING')
  return { memberId, status: 'active' as const }
}

/**
 * Removal takes effect on the next call anywhere: access is loaded from live membership rows on every
 * invocation, nothing is cached. Only ops may remove an owner (a sale, a dispute), which also frees the
 * household for the next owner to bind.
 */
export async function removeMember(db: Db, access: CallerAccess, householdId: string, memberId: string, now: Date) {
  const household = await getHousehold(db, householdId)
  const scope = scopeOf(household)
  authorize(access, 'household.manageMembers', scope)
  const member = await memberOf(db, householdId, memberId)
  if (member.role === 'owner' && !can(access, 'community.manage', scope)) throw householdError('MEMBER.CANNOT_REMOVE_OWNER')
  const _ = db.command
  const res = must(await db.collection(COLLECTIONS.residents).where({ _id: memberId, householdId, status: _.in(['active', 'pending']) }).update({ status: 'removed', removedAt: now }))
  if (res.updated !== 1) throw householdError('MEMBER.NOT_FOUND')
  if (member.role === 'owner') {
    must(await db.collection(COLLECTIONS.households).where({ _id: householdId, ownerOpenid: member.openid }).update({ ownerOpenid: null }))
  }
  return { memberId, status: 'removed' as const }
}
