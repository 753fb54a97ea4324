import { isDuplicateKey, must } from '../kernel/db-result'
import type { OrderHookContext } from '../orders'
import type { OrderDoc, RefundDoc } from '../orders'
import { refundIdFor } from '../orders'
import { requestRefund } from '../orders'
import { EPOCH, FEE_COLLECTIONS, type BillDoc, type ReceiptDoc, type ReceiptLineDoc } from './fee.model'
import { receiptNoFor } from './fee-ids'
import { businessDate } from './period'

const dupRefundKey = (billId: string) => `fee-dup-${billId}`

/**
 * onPaid: each bill becomes paid by THIS order with a conditional update (status unpaid → paid), then the
 * receipt (its id is the order id) is written. Runs again on every repeated notify and changes nothing
 * the second time. A bill some other order paid first (possible only if a lock lapsed) is not taken: its
 * line is refunded to the payer automatically and logged.
 */
export async function recordPaidBills(ctx: OrderHookContext, order: OrderDoc): Promise<void> {
  const db = ctx.platform.db
  const _ = db.command
  const now = ctx.platform.clock.now()
  const paidAt = order.payment?.paidAt ? new Date(order.payment.paidAt) : now
  const lines = order.lines.filter((l) => l.refType === 'bill')
  const bills = must(await db.collection(FEE_COLLECTIONS.bills).where({ _id: _.in(lines.map((l) => l.refId)) }).limit(lines.length).get()).data as BillDoc[]
  const byId = new Map(bills.map((b) => [b._id, b]))
  const receiptLines: ReceiptLineDoc[] = []
  for (const line of lines) {
    const bill = byId.get(line.refId)
    if (!bill) continue
    let mine = bill.paidOrderId === order._id
    if (bill.status === 'unpaid') {
      const res = must(
        await db
          .collection(FEE_COLLECTIONS.bills)
          .where({ _id: bill._id, status: 'unpaid' })
          .update({
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
      mine = res.updated === 1 || ((must(await db.collection(FEE_COLLECTIONS.bills).doc(bill._id).get()).data as BillDoc[])[0]?.paidOrderId === order._id)
    }
    if (mine) {
      receiptLines.push({ billId: bill._id, itemName: bill.itemName, period: bill.period, principalFen: bill.principalFen, lateFeeFen: line.amountFen - bill.principalFen, amountFen: line.amountFen })
      continue
    }
    ctx.platform.logger.error('fees.bill_paid_twice', { billId: bill._id, orderId: order._id, firstOrderId: bill.paidOrderId })
    await requestRefund(ctx, { orderId: order._id, amountFen: line.amountFen, reason: '该账单已由他人缴纳，款项原路退回', by: 'system', requestedBy: 'system', refundKey: dupRefundKey(bill._id) })
  }
  if (receiptLines.length === 0) return
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
  try {
    must(await db.collection(FEE_COLLECTIONS.receipts).add(receipt))
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
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
