import type { RemindPreview } from '../../contracts/fees.contract'
import type { ActionContext } from '../kernel/action-context'
import { must } from '../kernel/db-result'
import { COLLECTIONS, type ResidentDoc } from '../households'
import { unpaidBillsOf } from './bills.repo'
import { remindableHouseholds } from './fee-access'
import { billAmountAt } from './late-fee'
import { reminderLines } from './reminder.service'

/** What the subscribe-message fields are called on the card residents receive. */
const LINE_LABELS: Record<string, string> = { thing1: '缴费项目', amount2: '待缴金额', thing3: '房屋', thing4: '温馨提示' }

/**
 * The reminder a steward is about to send, household by household, computed with the same rules `remind`
 * applies (3-day spacing per bill, active members only) but claiming and sending nothing: the steward
 * confirms what residents will read before anything goes out.
 */
export async function remindPreview(ctx: ActionContext, householdIds: string[]): Promise<{ items: RemindPreview[]; willSend: number; recipients: number }> {
  const db = ctx.platform.db
  const _ = db.command
  const { ids, briefs } = await remindableHouseholds(ctx, householdIds)
  const now = ctx.now()
  const [bills, members] = await Promise.all([
    unpaidBillsOf(db, ids),
    db.collection(COLLECTIONS.residents).where({ householdId: _.in(ids), status: 'active' }).field({ householdId: true }).limit(1000).get(),
  ])
  const memberCount = new Map<string, number>()
  for (const m of must(members).data as Pick<ResidentDoc, 'householdId'>[]) memberCount.set(m.householdId, (memberCount.get(m.householdId) ?? 0) + 1)
  const items = ids.map((id): RemindPreview => {
    const h = briefs.get(id)!
    const mine = bills.filter((b) => b.householdId === id)
    const eligible = mine.filter((b) => new Date(b.remindableAt).getTime() <= now.getTime())
    const recipients = memberCount.get(id) ?? 0
    const next = mine.length ? new Date(Math.min(...mine.map((b) => new Date(b.remindableAt).getTime()))).toISOString() : null
    const status = mine.length === 0 ? 'nothing_owed' : eligible.length === 0 ? 'too_soon' : recipients === 0 ? 'no_recipients' : 'will_send'
    const lines = mine.length ? reminderLines(h, mine, now) : {}
    return {
      householdId: id,
      label: h.label,
      status,
      bills: eligible.length,
      amountFen: mine.reduce((s, b) => s + billAmountAt(b, now).amountFen, 0),
      recipients: status === 'will_send' ? recipients : 0,
      message: Object.entries(lines).map(([key, value]) => ({ key: LINE_LABELS[key] ?? key, value })),
      nextRemindAt: status === 'too_soon' ? next : null,
    }
  })
  const sending = items.filter((i) => i.status === 'will_send')
  return { items, willSend: sending.length, recipients: sending.reduce((n, i) => n + i.recipients, 0) }
}
