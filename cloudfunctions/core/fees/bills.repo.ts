import type { Db } from '@cloudbase/database'
import { FEE_ERROR_MESSAGES, type FeeErrorCode } from '../../contracts/errors/fees'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { FEE_COLLECTIONS, type BillDoc } from './fee.model'

export const feeError = (code: FeeErrorCode) => new DomainError(code, FEE_ERROR_MESSAGES[code])

/** The bills with these ids, all of them or FEE.BILL_NOT_FOUND. */
export async function loadBills(db: Db, ids: string[]): Promise<BillDoc[]> {
  const bills = must(await db.collection(FEE_COLLECTIONS.bills).where({ _id: db.command.in(ids) }).limit(Math.min(1000, ids.length)).get()).data as BillDoc[]
  if (bills.length !== ids.length) throw feeError('FEE.BILL_NOT_FOUND')
  return bills
}

/** Every unpaid bill of these households (CloudBase caps a read at 1000, so page by _id). */
export async function unpaidBillsOf(db: Db, householdIds: string[], fields?: Record<string, true>): Promise<BillDoc[]> {
  const _ = db.command
  const out: BillDoc[] = []
  if (householdIds.length === 0) return out
  let after = ''
  for (;;) {
    let q = db.collection(FEE_COLLECTIONS.bills).where({ householdId: _.in(householdIds), status: 'unpaid', _id: _.gt(after) }).orderBy('_id', 'asc').limit(1000)
    if (fields) q = q.field({ ...fields, householdId: true })
    const page = must(await q.get()).data as BillDoc[]
    out.push(...page)
    if (page.length < 1000) return out
    after = page[page.length - 1]._id
  }
}
