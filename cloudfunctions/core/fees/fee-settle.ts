import { must } from '../kernel/db-result'
import type { EffectContext } from '../kernel/outbox'
import { txGet, txWrite } from '../kernel/transaction'
import type { OrderHookContext, PaidTxContext } from '../orders'
import type { OrderDoc, RefundDoc } from '../orders'
import { refundIdFor } from '../orders'
import { requestRefund } from '../orders'
import { EPOCH, FEE_COLLECTIONS, type BillDoc, type ReceiptDoc, type ReceiptLineDoc } from './fee.model'
import { receiptNoFor } from './fee-ids'
import { businessDate } from './period'

const dupRefundKey = (billId: string) => `fee-dup-${billId}`

/** Notes the in-transaction onPaid leaves for the after-commit effect (OrderEventPayload.notes). */
export interface FeePaidNotes {
  /** Bill id → fen of the line: bills another order had paid first; this order's money for them goes back. */
  feeBillsPaidByOthers?: Record<string, number>
}

/**
 * onPaid, INSIDE the money transaction: each bill of the order becomes paid by THIS order and the receipt
 * (its id is the order id) is written, together with the payment — so a paid order without paid bills,
 * or a paid bill without its receipt, cannot exist. Each bill is re-read in the transaction: one that some
 * other order paid first (possible only if a lock lapsed) is not taken; its line is noted for the
 * `fees.refund-double-paid` effect, which gives that money back after commit.
 */
export async function recordPaidBills(ctx: PaidTxContext, order: OrderDoc): Promise<void> {
  const { tx } = ctx
  const now = ctx.now()
  const paidAt = order.payment?.paidAt ? new Date(order.payment.paidAt) : now
  const receiptLines: ReceiptLineDoc[] = []
  const paidByOthers: Record<string, number> = {}
  let alreadyOwn = false
  for (const line of order.lines.filter((l) => l.refType === 'bill')) {
    const bill = await txGet<BillDoc>(tx, FEE_COLLECTIONS.bills, line.refId)
    if (!bill) continue
    if (bill.status === 'unpaid') {
      await txWrite(
        tx.collection(FEE_COLLECTIONS.bills).doc(bill._id).update({
          status: 'paid',
          paidOrderId: order._id,
          paidAt,
          payerOpenid: order.payerOpenid,
          paidFen: line.amountFen,
          paidLateFeeFen: line.amountFen - bill.principalFen,
          paidAfterReminder: !!bill.remindedAt,
          lockOrderId: null,
          lockUntil: EPOCH,
          updatedAt: now,
        }),
      )
    } else if (bill.paidOrderId !== order._id) {
      paidByOthers[bill._id] = line.amountFen
      continue
    } else alreadyOwn = true
    receiptLines.push({ billId: bill._id, itemName: bill.itemName, period: bill.period, principalFen: bill.principalFen, lateFeeFen: line.amountFen - bill.principalFen, amountFen: line.amountFen })
  }
  if (Object.keys(paidByOthers).length > 0) ctx.notes.feeBillsPaidByOthers = paidByOthers
  if (receiptLines.length === 0) return
  // Run again for an order whose bills are already its own (the legacy paid-hook migration, orders/
  // legacy-paid-hook.ts): the receipt may exist already. A first payment never takes this read.
  if (alreadyOwn && (await txGet<ReceiptDoc>(tx, FEE_COLLECTIONS.receipts, order._id))) return
  const receipt: ReceiptDoc = {
    _id: order._id,
    receiptNo: receiptNoFor(order._id, businessDate(paidAt)),
    communityId: order.communityId,
    householdId: order.householdId,
    payerOpenid: order.payerOpenid,
    title: order.title,
    paidAt,
    totalFen: receiptLines.reduce((s, l) => s + l.amountFen, 0),
    lines: receiptLines,
    createdAt: now,
  }
  await txWrite(tx.collection(FEE_COLLECTIONS.receipts).add(receipt))
}

/**
 * After commit (an outbox effect on order.paid): the lines whose bills another order had paid first go
 * back to the payer, one refund per bill with a fixed key — run again after a crash, it opens no second one.
 */
export async function refundDoublePaidLines(ctx: EffectContext, order: OrderDoc, notes: FeePaidNotes): Promise<void> {
  for (const [billId, amountFen] of Object.entries(notes.feeBillsPaidByOthers ?? {})) {
    ctx.platform.logger.error('fees.bill_paid_twice', { billId, orderId: order._id })
    await requestRefund(ctx, { orderId: order._id, amountFen, reason: '该账单已由他人缴纳，款项原路退回', by: 'system', requestedBy: 'system', refundKey: dupRefundKey(billId) })
  }
}

/**
 * onRefunded: when a fee order is refunded in full (ops refunds a payment), its bills are owed again and
 * its receipt is marked refunded. Refunds of double-paid lines (above) leave the bills alone; other partial
 * refunds are left for ops to settle by hand and logged.
 */
export async function revertRefundedBills(ctx: OrderHookContext, order: OrderDoc, refund: RefundDoc): Promise<void> {
  const db = ctx.platform.db
  const _ = db.command
  const now = ctx.platform.clock.now()
  const ids = order.lines.filter((l) => l.refType === 'bill').map((l) => l.refId)
  if (ids.some((id) => refundIdFor(order._id, dupRefundKey(id)) === refund._id)) return
  if (order.refundedFen < order.paidFen) {
    ctx.platform.logger.warn('fees.partial_refund', { orderId: order._id, refundId: refund._id, amountFen: refund.amountFen })
    return
  }
  must(
    await db
      .collection(FEE_COLLECTIONS.bills)
      .where({ _id: _.in(ids), paidOrderId: order._id })
      .update({ status: 'unpaid', paidOrderId: null, paidAt: null, payerOpenid: null, paidFen: 0, paidLateFeeFen: 0, invoiceId: null, paidAfterReminder: false, updatedAt: now }),
  )
  must(await db.collection(FEE_COLLECTIONS.receipts).where({ _id: order._id }).update({ refundedAt: now }))
}
