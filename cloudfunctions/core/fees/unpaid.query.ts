import type { HouseholdBills } from '../../contracts/fees-common.schemas'
import type { ActionContext } from '../kernel/action-context'
import { unpaidBillsOf } from './bills.repo'
import { billView, compareBills } from './bill-view'
import { householdBriefs, householdsInView } from './fee-access'

/**
 * Unpaid bills of the caller's households, grouped by household and fee item, with totals. A constant
 * number of indexed reads (access, the unpaid bills, labels) however many bills were ever paid.
 */
export async function unpaidBills(ctx: ActionContext, householdId?: string): Promise<{ asOf: string; totalFen: number; households: HouseholdBills[] }> {
  const db = ctx.platform.db
  const now = ctx.now()
  const { householdIds } = await householdsInView(ctx, householdId)
  if (householdIds.length === 0) return { asOf: now.toISOString(), totalFen: 0, households: [] }
  const bills = await unpaidBillsOf(db, householdIds)
  const briefs = await householdBriefs(db, householdIds)
  const households = householdIds.map((id) => {
    const mine = bills.filter((b) => b.householdId === id).sort(compareBills)
    const items: HouseholdBills['items'] = []
    for (const bill of mine) {
      const view = billView(bill, now)
      let group = items.find((g) => g.itemId === bill.itemId)
      if (!group) items.push((group = { itemId: bill.itemId, itemName: bill.itemName, kind: bill.kind, subtotalFen: 0, bills: [] }))
      group.bills.push(view)
      group.subtotalFen += view.amountFen
    }
    const totalFen = items.reduce((s, g) => s + g.subtotalFen, 0)
    return { householdId: id, label: briefs.get(id)?.label ?? id, totalFen, billCount: mine.length, items }
  })
  return { asOf: now.toISOString(), totalFen: households.reduce((s, h) => s + h.totalFen, 0), households }
}
