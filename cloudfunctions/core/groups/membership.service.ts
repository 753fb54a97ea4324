import { createHash } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import type { GroupIdentity } from '../../contracts/groups.contract'
import { isDuplicateKey, must, rethrowDomain } from '../kernel/db-result'
import { rawIncrement, type ActivityKind } from './activity-score'
import { GROUP_COLLECTIONS, type GroupDoc, type GroupMemberDoc } from './group.model'

/** One membership document per (group, person); the id is derived so every write path lands on it. */
export function memberId(groupId: string, openid: string): string {
  return `gm-${createHash('sha256').update(`${groupId}|${openid}`).digest('hex').slice(0, 32)}`
}

export interface Joiner {
  openid: string
  householdId: string | null
  identity: GroupIdentity | null
}

/**
 * Marks a person as in the group, once: the membership flips to joined and the group's head count,
 * free seats and activity move in the same transaction, so a confirm repeated or racing with a card
 * opened in the group counts one member, never two. `entered` says the proof was a card opened inside
 * the group (it also counts as an entry).
 */
export async function markJoined(db: Db, group: GroupDoc, who: Joiner, now: Date, entered: boolean): Promise<{ newlyJoined: boolean }> {
  const _ = db.command
  const id = memberId(group._id, who.openid)
  try {
    return await db.runTransaction(async (t: any) => {
      const current = must(await t.collection(GROUP_COLLECTIONS.members).doc(id).get()).data as GroupMemberDoc | undefined
      const entry = entered ? { entries: (current?.entries ?? 0) + 1, lastEnteredAt: now } : {}
      if (current?.status === 'joined') {
        if (entered) must(await t.collection(GROUP_COLLECTIONS.members).doc(id).update({ ...entry, lastActiveAt: now }))
        return { newlyJoined: false }
      }
      if (current) {
        must(await t.collection(GROUP_COLLECTIONS.members).doc(id).update({ status: 'joined', joinedAt: now, lastActiveAt: now, ...entry }))
      } else {
        const doc: GroupMemberDoc = {
          _id: id,
          groupId: group._id,
          communityId: group.communityId,
          kind: group.kind,
          openid: who.openid,
          householdId: who.householdId,
          identity: who.identity,
          status: 'joined',
          assignedAt: null,
          joinedAt: now,
          entries: entered ? 1 : 0,
          lastEnteredAt: entered ? now : null,
          lastActiveAt: now,
        }
        must(await t.collection(GROUP_COLLECTIONS.members).add(doc))
      }
      must(
        await t.collection(GROUP_COLLECTIONS.groups).doc(group._id).update({
          memberCount: _.inc(1),
          seatsLeft: _.inc(-1),
          activityRaw: _.inc(rawIncrement('join', now) + (entered ? rawIncrement('open', now) : 0)),
          lastActivityAt: now,
        }),
      )
      return { newlyJoined: true }
    })
  } catch (e) {
    rethrowDomain(e)
  }
}

/** Adds to a group's decayed activity: one atomic increment, no read (see activity-score.ts). */
export async function creditActivity(db: Db, groupId: string, kind: ActivityKind, at: Date, count = 1): Promise<void> {
  const _ = db.command
  must(await db.collection(GROUP_COLLECTIONS.groups).doc(groupId).update({ activityRaw: _.inc(rawIncrement(kind, at, count)), lastActivityAt: at }))
}

/**
 * For the orders area: a paid order counts towards the activity of every group its payer is a joined
 * member of, and keeps them "active" for the silent-group rule. Exactly once per order: the marker
 * document and the increments commit in ONE transaction (a crash between them can neither lose the
 * credit nor, on the re-run, apply it twice); a re-run finds the marker and changes nothing.
 */
export async function creditPaidOrder(db: Db, orderId: string, payerOpenid: string, at: Date, beforeCredit?: (members: GroupMemberDoc[]) => Promise<void>): Promise<number> {
  const _ = db.command
  const res = must(await db.collection(GROUP_COLLECTIONS.members).where({ openid: payerOpenid, status: 'joined' }).limit(20).get())
  const members = res.data as GroupMemberDoc[]
  // In no group: nothing to credit, so nothing to mark (most payers; saves the transaction).
  if (members.length === 0) return 0
  // Idempotent side steps go before the marker, so a crash between them cannot skip them on the re-run.
  if (beforeCredit) await beforeCredit(members)
  try {
    return await db.runTransaction(async (t: any) => {
      const mark = must(await t.collection(GROUP_COLLECTIONS.orderCredits).doc(orderId).get()).data
      if (mark) return 0
      must(await t.collection(GROUP_COLLECTIONS.orderCredits).add({ _id: orderId, openid: payerOpenid, at }))
      for (const m of members) {
        must(await t.collection(GROUP_COLLECTIONS.groups).doc(m.groupId).update({ activityRaw: _.inc(rawIncrement('order', at)), lastActivityAt: at }))
        must(await t.collection(GROUP_COLLECTIONS.members).doc(m._id).update({ lastActiveAt: at, orders: _.inc(1) }))
      }
      return members.length
    })
  } catch (e) {
    rethrowDomain(e)
  }
}
