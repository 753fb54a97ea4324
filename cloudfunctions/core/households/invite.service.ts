import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import type { CallerAccess } from '../auth'
import { authorize } from '../auth'
import { HOUSEHOLD_COLLECTIONS } from './household-collections'
import { householdError } from './household-errors'
import type { HouseholdDoc, InviteDoc, ResidentDoc } from './household.model'
import { getHousehold, labelOf } from './household-summary'
import { memberIdFor } from './ids'
import { INVITE_TTL_MS, inviteIdOf, inviteSharePath, newInviteCode } from './invite-code'
import { runTx, txGet, txWrite } from '../kernel/transaction'

/** The owner (or ops) creates a one-time code for a family member or tenant; it lives 24 h. */
export async function createInvite(db: Db, access: CallerAccess, householdId: string, role: 'family' | 'tenant', now: Date) {
  const household = await getHousehold(db, householdId)
  authorize(access, 'household.manageMembers', { communityId: household.communityId, householdId, buildingId: household.buildingId })
  const code = newInviteCode()
  const invite: InviteDoc = {
    _id: inviteIdOf(code),
    householdId,
    communityId: household.communityId,
    role,
    createdBy: access.openid,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
    status: 'open',
  }
  must(await db.collection(HOUSEHOLD_COLLECTIONS.invites).add(invite))
  return { code, role, expiresAt: invite.expiresAt.toISOString(), householdLabel: await labelOf(db, household), sharePath: inviteSharePath(code) }
}

const statusOf = (invite: InviteDoc, now: Date): 'open' | 'used' | 'expired' => (invite.status === 'used' ? 'used' : new Date(invite.expiresAt) <= now ? 'expired' : 'open')

async function findInvite(db: Db, code: string): Promise<InviteDoc> {
  const invite = (must(await db.collection(HOUSEHOLD_COLLECTIONS.invites).doc(inviteIdOf(code)).get()).data as InviteDoc[])[0]
  if (!invite) throw householdError('INVITE.NOT_FOUND')
  return invite
}

async function activeOrPendingMember(db: Db, householdId: string, openid: string): Promise<ResidentDoc | undefined> {
  const _ = db.command
  const rows = must(await db.collection(COLLECTIONS.residents).where({ householdId, openid, status: _.in(['active', 'pending']) }).limit(5).get()).data as ResidentDoc[]
  return rows[0]
}

/** What the invite page shows: which home, which role, whether the code can still be used. */
export async function inviteInfo(db: Db, openid: string, code: string, now: Date) {
  const invite = await findInvite(db, code)
  const household = await getHousehold(db, invite.householdId)
  return {
    householdLabel: await labelOf(db, household),
    role: invite.role,
    status: statusOf(invite, now),
    expiresAt: new Date(invite.expiresAt).toISOString(),
    alreadyMember: !!(await activeOrPendingMember(db, invite.householdId, openid)),
  }
}

/**
 * Uses the code: one transaction marks the invite used and creates the pending membership, so two people
 * racing for one code cannot both get in. Already being a member does not burn the code.
 */
export async function acceptInvite(db: Db, openid: string, code: string, nickname: string | undefined, now: Date) {
  const found = await findInvite(db, code)
  if (await activeOrPendingMember(db, found.householdId, openid)) throw householdError('INVITE.ALREADY_MEMBER')
  const memberId = memberIdFor(found.householdId, openid)
  const outcome = await runTx(db, async (t) => {
    const invite = await txGet<InviteDoc>(t, HOUSEHOLD_COLLECTIONS.invites, found._id)
    if (!invite) return 'missing' as const
    const status = statusOf(invite, now)
    if (status !== 'open') return status
    const member = await txGet<ResidentDoc>(t, COLLECTIONS.residents, memberId)
    if (member && member.status !== 'removed') return 'member' as const
    await txWrite(t.collection(HOUSEHOLD_COLLECTIONS.invites).doc(invite._id).update({ status: 'used', usedBy: openid, usedAt: now }))
    const resident: Omit<ResidentDoc, '_id'> = {
      openid,
      householdId: invite.householdId,
      communityId: invite.communityId,
      role: invite.role,
      status: 'pending',
      boundAt: now,
      nickname: nickname ?? null,
      invitedBy: invite.createdBy,
    }
    await txWrite(t.collection(COLLECTIONS.residents).doc(memberId).set({ ...resident }))
    return 'accepted' as const
  })
  if (outcome === 'missing') throw householdError('INVITE.NOT_FOUND')
  if (outcome === 'used') throw householdError('INVITE.USED')
  if (outcome === 'expired') throw householdError('INVITE.EXPIRED')
  if (outcome === 'member') throw householdError('INVITE.ALREADY_MEMBER')
  const household: HouseholdDoc = await getHousehold(db, found.householdId)
  return { householdId: household._id, householdLabel: await labelOf(db, household), memberId, status: 'pending' as const }
}
