import { createHash } from 'node:crypto'
import { must } from '../../../../core/kernel/db-result'
import type { DemoSeeder } from '../seed-context'
import { DEMO_COMMUNITY_ID } from '../personas'
import { COLLECTIONS } from '../../../../core/households/registry-collections'
import type { HouseholdDoc } from '../../../../core/households/household.model'
import { FEE_COLLECTIONS, type BillDoc, type FeeItemDoc, type MeterReadingDoc, type ReceiptDoc } from '../../../../core/fees/fee.model'
import { billRunIdFor, feeItemIdFor, readingIdFor, receiptNoFor } from '../../../../core/fees/fee-ids'
import { insertMissing } from '../../../../core/fees/idempotent-insert'
import { newBill } from '../../../../core/fees/bill-run.service'
import { itemApplies, principalFor } from '../../../../core/fees/fee-item.rules'
import { addMonths, businessDate, periodOf, startOfBusinessDay } from '../../../../core/fees/period'

const OWNER_HOUSEHOLD = 'h-1-1-101'
const DAY = 86400_000

/** 0..99 from a string, so the demo's "who paid" spread is the same on every machine. */
function roll(text: string): number {
  return parseInt(createHash('sha256').update(text).digest('hex').slice(0, 8), 16) % 100
}

function item(code: string, now: Date, fields: Partial<FeeItemDoc> & Pick<FeeItemDoc, 'name' | 'kind'>): FeeItemDoc {
  return {
    _id: feeItemIdFor(DEMO_COMMUNITY_ID, code),
    communityId: DEMO_COMMUNITY_ID,
    code,
    unitPriceFen: null,
    amountFen: null,
    unit: null,
    period: null,
    dueDay: 15,
    lateFee: { dailyRateBp: 5, capBp: 10_000 },
    scope: { buildingIds: null, householdIds: null },
    status: 'active',
    createdAt: now,
    updatedAt: now,
    ...fields,
  }
}

/** Share of households that had paid each period by now: the older, the more. */
const PAID_PCT = [35, 65, 85]

/** The demo owner (1栋1单元101) owes two months of 物业费 and this month's 停车费; everything else is paid. */
function ownerPaid(bill: BillDoc, periods: string[]): boolean {
  if (bill.period === periods[2]) return true
  if (bill.kind === 'metered') return true
  if (bill.period === periods[1]) return bill.kind === 'fixed'
  return false
}

/** The bill as a payment before its due date left it (paid in full, no late fee). */
function paidBill(b: BillDoc, receiptId: string, payer: string, paidAt: Date, remindedAt: Date | null): BillDoc {
  return { ...b, status: 'paid', paidOrderId: receiptId, paidAt, payerOpenid: payer, paidFen: b.principalFen, paidLateFeeFen: 0, remindedAt, paidAfterReminder: !!remindedAt }
}

function receiptOf(householdId: string, bills: BillDoc[], payer: string, paidAt: Date, now: Date): ReceiptDoc {
  const id = `demo-rc-${householdId}-${bills[0].period}`
  return {
    _id: id,
    receiptNo: receiptNoFor(id, businessDate(paidAt)),
    communityId: DEMO_COMMUNITY_ID,
    householdId,
    payerOpenid: payer,
    title: `物业缴费 ${bills[0].period}`,
    paidAt,
    totalFen: bills.reduce((s, b) => s + b.principalFen, 0),
    lines: bills.map((b) => ({ billId: b._id, itemName: b.itemName, period: b.period, principalFen: b.principalFen, lateFeeFen: 0, amountFen: b.principalFen })),
    createdAt: now,
  }
}

/**
 * 物业费 (2.50 元/㎡/月), 停车费 (150 元/月, for some households) and 水费 (5.20 元/吨, read monthly), billed for
 * the last three months, with a spread of payments and a few steward reminders.
 */
export const feesDemoSeeder: DemoSeeder = {
  name: 'fees',
  seed: async ({ db, now }) => {
    const households = must(await db.collection(COLLECTIONS.households).where({ communityId: DEMO_COMMUNITY_ID }).limit(1000).get()).data as HouseholdDoc[]
    const parking = households.filter((h, i) => h._id === OWNER_HOUSEHOLD || i % 5 === 2).map((h) => h._id)
    const items = [
      item('property', now, { name: '物业费', kind: 'per_area', unitPriceFen: 250 }),
      item('parking', now, { name: '停车费', kind: 'fixed', amountFen: 15_000, scope: { buildingIds: null, householdIds: parking } }),
      item('water', now, { name: '水费', kind: 'metered', unitPriceFen: 520, unit: '吨', dueDay: 20 }),
    ]
    for (const { _id, ...rest } of items) must(await db.collection(FEE_COLLECTIONS.items).doc(_id).set(rest))
    const periods = [0, -1, -2].map((m) => addMonths(periodOf(now), m))
    const readings: MeterReadingDoc[] = []
    for (const h of households) {
      let meter = 100 + roll(h._id)
      for (const period of [...periods].reverse()) {
        const usage = 4 + (roll(`${h._id}|${period}`) % 12)
        readings.push({ _id: readingIdFor(items[2]._id, h._id, period), communityId: DEMO_COMMUNITY_ID, itemId: items[2]._id, householdId: h._id, period, previous: meter, current: meter + usage, usage, importedAt: now })
        meter += usage
      }
    }
    await insertMissing(db, FEE_COLLECTIONS.readings, readings)
    const readingById = new Map(readings.map((r) => [r._id, r]))

    // The bills are what the bill run makes (same rules, same ids: a later run finds them all in place),
    // built here in memory so seeding stays a handful of batch writes.
    const bills: BillDoc[] = []
    const receipts: ReceiptDoc[] = []
    const paidAtByDue = new Map<string, Date>()
    /** Payers paid two days before the due date (or yesterday, for the running month). */
    const paidAtOf = (dueDate: string) => {
      if (!paidAtByDue.has(dueDate)) paidAtByDue.set(dueDate, new Date(Math.min(now.getTime() - DAY, startOfBusinessDay(dueDate).getTime() - 2 * DAY)))
      return paidAtByDue.get(dueDate)!
    }
    for (const [age, period] of periods.entries()) {
      const run = { _id: billRunIdFor(DEMO_COMMUNITY_ID, period), communityId: DEMO_COMMUNITY_ID, period }
      for (const h of households) {
        const own: BillDoc[] = []
        for (const it of items) {
          if (!itemApplies(it, h, period)) continue
          const calc = principalFor(it, h, readingById.get(readingIdFor(it._id, h._id, period)))
          if (calc.ok && calc.principalFen > 0) own.push(newBill(run, it, h, calc.principalFen, calc.detail, now))
        }
        if (own.length === 0) continue
        const isOwner = h._id === OWNER_HOUSEHOLD
        const paying = isOwner ? own.filter((b) => ownerPaid(b, periods)) : roll(`${h._id}|${period}`) < PAID_PCT[age] ? own : []
        const payer = isOwner ? 'demo-owner' : `demo-payer-${h._id}`
        const paidAt = paidAtOf(own[0].dueDate)
        // Some of last month's payers had been reminded first: the steward's "paid after reminder" view.
        const reminded = age === 1 && !isOwner && roll(`r|${h._id}`) < 15 ? new Date(paidAt.getTime() - 3 * DAY) : null
        if (paying.length) receipts.push(receiptOf(h._id, paying, payer, paidAt, now))
        for (const b of own) {
          if (paying.includes(b)) bills.push(paidBill(b, receipts[receipts.length - 1]._id, payer, paidAt, reminded))
          // A few owing households of 2栋 were reminded yesterday, so the 3-day rule shows on the steward's list.
          else if (h.buildingId === 'b-2' && roll(`y|${h._id}`) < 30) bills.push({ ...b, remindedAt: new Date(now.getTime() - DAY), remindableAt: new Date(now.getTime() + 2 * DAY), reminderCount: 1 })
          else bills.push(b)
        }
      }
    }
    await insertMissing(db, FEE_COLLECTIONS.bills, bills)
    await insertMissing(db, FEE_COLLECTIONS.receipts, receipts)
  },
}
