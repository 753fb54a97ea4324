import { createHash } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import type { GroupIdentity } from '../../contracts/groups.contract'
import { isDuplicateKey, must, rethrowDomain } from '../kernel/db-result'
import { rawIncrement, type ActivityKind } from './activity-score'
import { GROUP_COLLECTIONS, type GroupDoc, type GroupMemberDoc } from './group.model'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import { emitInTx } from '../outbox'
import { GROUP_TOPICS, groupEvent, type GroupOutboxEvent } from './group-events'

/** One membership document per (group, person); the id is derived so every write path lands on it. */
export function memberId(groupId: string, openid: string): string {
  return `gm-${createHash('sha256').update(`${groupId}|${openid}`).digest('hex').slice(0, 32)}`
}

export interface Joiner {
  openid: string
  householdId: string | null
  identity: GroupIdentity | null
}

export interface MemberChange {
  newlyJoined: boolean
  /** The outbox events the change committed with (group-events.ts), to process right after commit. */
  events: GroupOutboxEvent[]
}

/**
 * Marks a person as in the group, once, and counts the card opened inside it that proved it (`opening`:
 * the opening's key, group-events.ts; null when the resident confirms by hand). One transaction holds the
 * membership, the group's head count, free seats and activity, and the outbox events of the facts
 * (group.joined once per membership, group.entered once per opening), so:
 * - a confirm repeated or racing with a card opened in the group counts one member, never two;
 * - the household's 社群活跃 facts cannot be lost between the membership's commit and their report;
 * - a retried opening (same request) meets its own event's duplicate key and rolls back.
 * Already a member (a race with another join): only the opening's event is written, and the
 * groups.entry-activity effect counts it as it counts every later opening (recordEntry).
 */
export async function markJoined(db: Db, group: GroupDoc, who: Joiner, now: Date, opening: string | null): Promise<MemberChange> {
  const _ = db.command
  const id = memberId(group._id, who.openid)
  const fact = { groupId: group._id, memberId: id, householdId: who.householdId, communityId: group.communityId, at: now }
  // A first open joins and counts the opening in the same transaction (credited).
  const entered = opening ? groupEvent(GROUP_TOPICS.entered, { ...fact, credited: true }, opening) : null
  try {
    return await runTx(db, async (t): Promise<MemberChange> => {
      const current = await txGet<GroupMemberDoc>(t, GROUP_COLLECTIONS.members, id)
      if (current?.status === 'joined') {
        if (!opening) return { newlyJoined: false, events: [] }
        const later = groupEvent(GROUP_TOPICS.entered, { ...fact, credited: false }, opening)
        await emitInTx(t, later)
        return { newlyJoined: false, events: [later] }
      }
      const entry = entered ? { entries: (current?.entries ?? 0) + 1, lastEnteredAt: now } : {}
      if (current) {
        await txWrite(t.collection(GROUP_COLLECTIONS.members).doc(id).update({ status: 'joined', joinedAt: now, lastActiveAt: now, ...entry }))
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
        await txWrite(t.collection(GROUP_COLLECTIONS.members).add(doc))
      }
      await txWrite(
        t.collection(GROUP_COLLECTIONS.groups).doc(group._id).update({
          memberCount: _.inc(1),
          seatsLeft: _.inc(-1),
          activityRaw: _.inc(rawIncrement('join', now) + (entered ? rawIncrement('open', now) : 0)),
          lastActivityAt: now,
        }),
      )
      // Without a household in the community there is no profile to report to (a merchant, a visitor).
      const joined = who.householdId ? groupEvent(GROUP_TOPICS.joined, { ...fact, credited: true }) : null
      const events = [joined, entered].filter((e): e is GroupOutboxEvent => e !== null)
      for (const e of events) await emitInTx(t, e)
      return { newlyJoined: true, events }
    })
  } catch (e) {
    // This very opening committed before (its event exists): the retry of a call whose reply was lost.
    if (opening && isDuplicateKey(e)) return { newlyJoined: false, events: [] }
    throw e
  }
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
