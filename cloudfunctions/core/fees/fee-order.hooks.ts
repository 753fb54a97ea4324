import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { FEE_ERROR_MESSAGES } from '../../contracts/errors/fees'
import type { OrderHookContext, OrderTypeHooks } from '../orders'
import type { OrderDoc } from '../orders'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import { EPOCH, FEE_COLLECTIONS, type BillDoc } from './fee.model'
import { isLocked } from './bill-view'
import { recordPaidBills, revertRefundedBills } from './fee-settle'

/** A lock outlives its order's payment window by this much: WeChat refuses payment after the order expires. */
const LOCK_MARGIN_MS = 10 * 60_000

const billIdsOf = (order: OrderDoc) => order.lines.filter((l) => l.refType === 'bill').map((l) => l.refId)

/**
 * reserve: every bill of the order is locked to it in ONE transaction, re-checked on fresh data — two
 * orders racing for a bill serialize on the transaction's conflict check, and the loser is refused
 * (the order core then deletes its draft). Idempotent: a bill already locked to this order stays locked.
 */
async function lockBills(ctx: OrderHookContext, order: OrderDoc): Promise<void> {
  const now = ctx.platform.clock.now()
  const lockUntil = new Date(new Date(order.expiresAt).getTime() + LOCK_MARGIN_MS)
  await runTx(ctx.platform.db, async (t) => {
    for (const id of billIdsOf(order)) {
      const bill = await txGet<BillDoc>(t, FEE_COLLECTIONS.bills, id)
      if (!bill) throw new DomainError('FEE.BILL_NOT_FOUND', FEE_ERROR_MESSAGES['FEE.BILL_NOT_FOUND'])
      if (bill.status === 'paid') throw new DomainError('FEE.ALREADY_PAID', FEE_ERROR_MESSAGES['FEE.ALREADY_PAID'])
      if (isLocked(bill, now) && bill.lockOrderId !== order._id) throw new DomainError('FEE.PAYMENT_IN_PROGRESS', FEE_ERROR_MESSAGES['FEE.PAYMENT_IN_PROGRESS'])
      await txWrite(t.collection(FEE_COLLECTIONS.bills).doc(id).update({ lockOrderId: order._id, lockUntil, updatedAt: now }))
    }
  })
}

/** release: the unpaid order is gone; free only the bills it still holds. */
async function unlockBills(ctx: OrderHookContext, order: OrderDoc): Promise<void> {
  const db = ctx.platform.db
  const ids = billIdsOf(order)
  if (ids.length === 0) return
  must(
    await db
      .collection(FEE_COLLECTIONS.bills)
      .where({ _id: db.command.in(ids), lockOrderId: order._id, status: 'unpaid' })
      .update({ lockOrderId: null, lockUntil: EPOCH, updatedAt: ctx.platform.clock.now() }),
  )
}

/** The fee order type: bills are locked while an order is open and marked paid (or unpaid again) by its payment and refunds. */
export const feeOrderHooks: OrderTypeHooks = {
  reserve: lockBills,
  release: unlockBills,
  onPaid: recordPaidBills,
  onRefunded: revertRefundedBills,
}
