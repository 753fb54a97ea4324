import type { RemindResult } from '../../contracts/fees.contract'
import { userOpenid, type ActionContext } from '../kernel/action-context'
import { isDuplicateKey, must } from '../kernel/db-result'
import { notifyAll, thing } from '../notify'
import type { SubscribeMessage } from '../kernel/ports/notifier.port'
import { COLLECTIONS } from '../households'
import type { ResidentDoc } from '../households'
import { FEE_COLLECTIONS, type BillDoc, type ReminderDoc } from './fee.model'
import { unpaidBillsOf } from './bills.repo'
import { remindableHouseholds, type HouseholdBrief } from './fee-access'
import { yuan } from '../kernel/money'
import { billAmountAt } from './late-fee'

/** A bill is reminded about at most once per this interval (DOMAIN.md: one per bill per 3 days). */
export const REMIND_INTERVAL_MS = 3 * 86400_000
export const FEE_REMINDER_TEMPLATE = 'fee_reminder'

/**
 * Steward reminders. The 3-day rule is enforced by the bills themselves: one conditional update claims
 * every bill of the household whose remindableAt has passed and pushes it 3 days ahead, so two stewards
 * (or a double tap) racing can only send once. Then each active member gets one subscribe message.
 */
export async function remindHouseholds(ctx: ActionContext, householdIds: string[]): Promise<{ results: RemindResult[] }> {
  const openid = userOpenid(ctx)
  const db = ctx.platform.db
  const _ = db.command
  const { ids, briefs } = await remindableHouseholds(ctx, householdIds)
  const now = ctx.now()
  const bills = await unpaidBillsOf(db, ids)
  const results: RemindResult[] = []
  for (const id of ids) {
    const h = briefs.get(id)!
    const mine = bills.filter((b) => b.householdId === id)
    const eligible = mine.filter((b) => new Date(b.remindableAt).getTime() <= now.getTime())
    const nextOf = (list: BillDoc[]) => (list.length ? new Date(Math.min(...list.map((b) => new Date(b.remindableAt).getTime()))).toISOString() : null)
    if (eligible.length === 0) {
      results.push({ householdId: id, status: mine.length ? 'too_soon' : 'nothing_owed', bills: 0, recipients: 0, nextRemindAt: nextOf(mine) })
      continue
    }
    const next = new Date(now.getTime() + REMIND_INTERVAL_MS)
    const claimed = must(
      await db
        .collection(FEE_COLLECTIONS.bills)
        .where({ householdId: id, status: 'unpaid', remindableAt: _.lte(now) })
        .update({ remindedAt: now, remindableAt: next, reminderCount: _.inc(1), updatedAt: now }),
    )
    if (claimed.updated === 0) {
      results.push({ householdId: id, status: 'too_soon', bills: 0, recipients: 0, nextRemindAt: next.toISOString() })
      continue
    }
    const sent = await sendReminder(ctx, h, mine, `${ctx.requestId ?? now.getTime()}`)
    const reminder: ReminderDoc = {
      _id: `rm-${id}-${now.getTime()}`,
      communityId: h.communityId,
      householdId: id,
      buildingId: h.buildingId,
      stewardOpenid: openid,
      billIds: eligible.map((b) => b._id),
      amountFen: mine.reduce((s, b) => s + billAmountAt(b, now).amountFen, 0),
      recipients: sent,
      sentAt: now,
    }
    try {
      must(await db.collection(FEE_COLLECTIONS.reminders).add(reminder))
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
    }
    ctx.platform.logger.info('fees.reminded', { householdId: id, bills: claimed.updated, recipients: sent })
    results.push({ householdId: id, status: 'sent', bills: claimed.updated, recipients: sent, nextRemindAt: next.toISOString() })
  }
  return { results }
}

/** One card per active member of the household; returns how many reached WeChat. */
async function sendReminder(ctx: ActionContext, h: HouseholdBrief, bills: BillDoc[], key: string): Promise<number> {
  const now = ctx.now()
  const members = must(await ctx.platform.db.collection(COLLECTIONS.residents).where({ householdId: h._id, status: 'active' }).limit(50).get()).data as ResidentDoc[]
  const data = reminderLines(h, bills, now)
  const messages: SubscribeMessage[] = members.map((m) => ({
    toOpenid: m.openid,
    template: FEE_REMINDER_TEMPLATE,
    page: `packages/fees/pages/index/index?householdId=${h._id}`,
    data,
    dedupeKey: `fee-remind|${key}|${h._id}|${m.openid}`,
  }))
  return (await notifyAll(ctx.platform, messages)).sent
}

/** The subscribe-message fields of a reminder: what `remind` sends and what `remindPreview` shows first. */
export function reminderLines(h: Pick<HouseholdBrief, 'building' | 'unit' | 'room'>, bills: BillDoc[], now: Date): Record<string, string> {
  const total = bills.reduce((s, b) => s + billAmountAt(b, now).amountFen, 0)
  const names = [...new Set(bills.map((b) => b.itemName))]
  const oldest = bills.map((b) => b.period).sort()[0]
  return {
    thing1: thing(names.length > 1 ? `${names[0]}等${names.length}项` : names[0]),
    amount2: `${yuan(total)}元`,
    thing3: thing(`${h.building}${h.unit}${h.room}`),
    thing4: thing(`${oldest}起共${bills.length}笔待缴，请及时缴纳`),
  }
}
