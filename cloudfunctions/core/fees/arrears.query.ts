import type { ArrearsRow } from '../../contracts/fees.contract'
import type { ActionContext } from '../kernel/action-context'
import { must } from '../kernel/db-result'
import { FEE_COLLECTIONS } from './fee.model'
import { unpaidBillsOf } from './bills.repo'
import { billAmountAt } from './late-fee'
import { gridInView, householdBriefs } from './fee-access'
import { ownerContacts } from './owner-contact'

interface ArrearsGroup {
  _id: string
  billCount: number
  principalFen: number
  periods: string[]
  oldestPeriod: string
  lastRemindedAt: Date | null
}

/**
 * Households of the steward's grid that owe, longest-owing first. The database groups the unpaid bills
 * (one aggregate for the page, one for the totals); only the page's households' bills are then read, so
 * amounts with late fees come from the same rule residents see, whatever the size of the grid.
 */
export async function gridArrears(ctx: ActionContext, input: { communityId?: string; offset: number; limit: number }) {
  const db = ctx.platform.db
  const _ = db.command
  const $ = _.aggregate
  const now = ctx.now()
  const grid = await gridInView(db, await ctx.access(), input.communityId)
  const match = { communityId: grid.communityId, status: 'unpaid', buildingId: _.in(grid.buildingIds) }
  const coll = db.collection(FEE_COLLECTIONS.bills)
  const page = must(
    await coll
      .aggregate()
      .match(match)
      .group({ _id: '$householdId', billCount: $.sum(1), principalFen: $.sum('$principalFen'), periods: $.addToSet('$period'), oldestPeriod: $.min('$period'), lastRemindedAt: $.max('$remindedAt') })
      .sort({ oldestPeriod: 1, principalFen: -1, _id: 1 })
      .skip(input.offset)
      .limit(input.limit + 1)
      .end(),
  ) as unknown as { data: ArrearsGroup[] }
  const totals = must(
    await coll
      .aggregate()
      .match(match)
      .group({ _id: '$householdId', billCount: $.sum(1), principalFen: $.sum('$principalFen') })
      .group({ _id: null, households: $.sum(1), billCount: $.sum('$billCount'), principalFen: $.sum('$principalFen') })
      .end(),
  ) as unknown as { data: { households: number; billCount: number; principalFen: number }[] }
  const groups = page.data.slice(0, input.limit)
  const ids = groups.map((g) => g._id)
  const bills = ids.length
    ? await unpaidBillsOf(db, ids, { principalFen: true, dueDate: true, lateFee: true, remindableAt: true, itemName: true, period: true })
    : []
  const [briefs, contacts] = await Promise.all([householdBriefs(db, ids), ownerContacts(db, ids)])
  const items: ArrearsRow[] = groups.map((g) => {
    const mine = bills.filter((b) => b.householdId === g._id).sort((a, b) => a.period.localeCompare(b.period) || a.itemName.localeCompare(b.itemName))
    const breakdown = mine.map((b) => ({ billId: b._id, itemName: b.itemName, period: b.period, dueDate: b.dueDate, ...billAmountAt(b, now) }))
    const lateFeeFen = breakdown.reduce((s, b) => s + b.lateFeeFen, 0)
    const contact = contacts.get(g._id)
    return {
      householdId: g._id,
      label: briefs.get(g._id)?.label ?? g._id,
      monthsOwed: g.periods.length,
      billCount: g.billCount,
      oldestPeriod: g.oldestPeriod,
      principalFen: g.principalFen,
      lateFeeFen,
      amountFen: g.principalFen + lateFeeFen,
      lastRemindedAt: g.lastRemindedAt ? new Date(g.lastRemindedAt).toISOString() : null,
      canRemind: mine.some((b) => new Date(b.remindableAt).getTime() <= now.getTime()),
      ownerNameMasked: contact?.ownerNameMasked ?? '',
      phoneHint: contact?.phoneHint ?? '',
      bills: breakdown.map(({ billId, itemName, period, dueDate, principalFen, lateFeeFen, amountFen }) => ({ billId, itemName, period, dueDate, principalFen, lateFeeFen, amountFen })),
    }
  })
  const t = totals.data[0] ?? { households: 0, billCount: 0, principalFen: 0 }
  return {
    communityId: grid.communityId,
    asOf: now.toISOString(),
    summary: { households: t.households, billCount: t.billCount, principalFen: t.principalFen },
    items,
    hasMore: page.data.length > input.limit,
  }
}

/** Households of the grid that paid after a reminder, within the last `days` days (one aggregate). */
export async function paidAfterReminder(ctx: ActionContext, input: { communityId?: string; days: number }) {
  const db = ctx.platform.db
  const _ = db.command
  const $ = _.aggregate
  const now = ctx.now()
  const grid = await gridInView(db, await ctx.access(), input.communityId)
  const since = new Date(now.getTime() - input.days * 86400_000)
  const res = must(
    await db
      .collection(FEE_COLLECTIONS.bills)
      .aggregate()
      .match({ communityId: grid.communityId, status: 'paid', paidAfterReminder: true, buildingId: _.in(grid.buildingIds), paidAt: _.gte(since) })
      .group({ _id: '$householdId', billCount: $.sum(1), paidFen: $.sum('$paidFen'), remindedAt: $.max('$remindedAt'), paidAt: $.max('$paidAt') })
      .sort({ paidAt: -1 })
      .limit(100)
      .end(),
  ) as unknown as { data: { _id: string; billCount: number; paidFen: number; remindedAt: Date; paidAt: Date }[] }
  const briefs = await householdBriefs(db, res.data.map((r) => r._id))
  return {
    items: res.data.map((r) => ({
      householdId: r._id,
      label: briefs.get(r._id)?.label ?? r._id,
      billCount: r.billCount,
      paidFen: r.paidFen,
      remindedAt: new Date(r.remindedAt).toISOString(),
      paidAt: new Date(r.paidAt).toISOString(),
    })),
  }
}
