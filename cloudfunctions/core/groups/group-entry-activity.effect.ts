import type { OutboxEffect } from '../kernel/outbox'
import { runTx, txWrite } from '../kernel/transaction'
import { claimEffectInTx } from '../outbox'
import { rawIncrement } from './activity-score'
import { GROUP_TOPICS, type GroupEventPayload } from './group-events'
import { GROUP_COLLECTIONS } from './group.model'

export const ENTRY_ACTIVITY_EFFECT = 'groups.entry-activity'
/**
 * Tries of the counting transaction before the outbox's back-off takes over. A card shared into a group is
 * often opened by many members within seconds, all writing the group's document; each try is three small
 * writes, so more tries than runTx's default keep a burst from showing as failed rounds on the ops board.
 */
const CONFLICT_ATTEMPTS = 30

/**
 * A member opened a card inside the group: one more entry for them, one more open in the group's decayed
 * activity score. The card open itself is one write, its group.entered event (recordEntry), so the
 * counting happens here, exactly once per opening: the increments and this effect's done mark on the event
 * commit in one transaction (claimEffectInTx), and a replay finds the mark and writes nothing. The
 * group's document is shared by every member, so a burst of openings may conflict here; the transaction
 * is retried, and failing that the outbox retries the effect — the resident's call has already succeeded.
 * The times are the opening's: a late retry may set lastActivityAt back by its back-off, never lose it.
 */
export const groupEntryActivityEffect: OutboxEffect<GroupEventPayload> = {
  topics: [GROUP_TOPICS.entered],
  run: async (ctx, event) => {
    const { groupId, memberId, credited } = event.payload
    if (credited) return
    const at = new Date(event.payload.at)
    const db = ctx.platform.db
    const _ = db.command
    await runTx(
      db,
      async (t) => {
        if (!(await claimEffectInTx(t, event._id, ENTRY_ACTIVITY_EFFECT))) return
        await txWrite(t.collection(GROUP_COLLECTIONS.members).doc(memberId).update({ entries: _.inc(1), lastEnteredAt: at, lastActiveAt: at }))
        await txWrite(t.collection(GROUP_COLLECTIONS.groups).doc(groupId).update({ activityRaw: _.inc(rawIncrement('open', at)), lastActivityAt: at }))
      },
      CONFLICT_ATTEMPTS,
    )
  },
}
