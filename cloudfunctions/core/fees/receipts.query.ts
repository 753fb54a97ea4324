import type { ReceiptSummary, ReceiptView } from '../../contracts/fees-common.schemas'
import { orderDisplayStatus } from '../../contracts/order-status.schemas'
import { ORDER_COLLECTIONS, type OrderDoc } from '../orders'
import type { ActionContext } from '../kernel/action-context'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { FEE_COLLECTIONS, type BillDoc, type InvoiceDoc, type ReceiptDoc } from './fee.model'
import { canReadHousehold, householdBriefs, householdsInView } from './fee-access'

type OrderPart = Pick<OrderDoc, '_id' | 'orderNo' | 'status' | 'history' | 'paidFen' | 'refundedFen'>

/** The fee orders behind these receipts (a receipt's id is its order's id): one read for a page. */
async function ordersOf(ctx: ActionContext, ids: string[]): Promise<Map<string, OrderPart>> {
  if (ids.length === 0) return new Map()
  const db = ctx.platform.db
  const rows = must(
    await db.collection(ORDER_COLLECTIONS.orders).where({ _id: db.command.in(ids) }).field({ orderNo: true, status: true, history: true, paidFen: true, refundedFen: true }).limit(100).get(),
  ).data as OrderPart[]
  return new Map(rows.map((o) => [o._id, o]))
}

function summary(r: ReceiptDoc, label: string, order: OrderPart | undefined): ReceiptSummary {
  const last = order?.history?.[order.history.length - 1]
  // Without its order (data from before orders kept history) the receipt itself says paid or refunded.
  const display = orderDisplayStatus(
    order
      ? { type: 'fee', status: order.status, lastBy: last?.by ?? null, paidFen: order.paidFen, refundedFen: order.refundedFen }
      : { type: 'fee', status: r.refundedAt ? 'refunded' : 'paid', lastBy: null, paidFen: r.totalFen, refundedFen: r.refundedAt ? r.totalFen : 0 },
  )
  return {
    receiptId: r._id,
    receiptNo: r.receiptNo,
    householdId: r.householdId,
    label,
    title: r.title,
    paidAt: new Date(r.paidAt).toISOString(),
    totalFen: r.totalFen,
    billCount: r.lines.length,
    refunded: !!r.refundedAt,
    orderId: r._id,
    orderNo: order?.orderNo ?? null,
    display,
  }
}

/** Paid history: one receipt per payment, newest first, paged on an index (household, paidAt). */
export async function receiptHistory(ctx: ActionContext, input: { householdId?: string; offset: number; limit: number }): Promise<{ items: ReceiptSummary[]; hasMore: boolean }> {
  const db = ctx.platform.db
  const { householdIds } = await householdsInView(ctx, input.householdId)
  if (householdIds.length === 0) return { items: [], hasMore: false }
  const rows = must(
    await db
      .collection(FEE_COLLECTIONS.receipts)
      .where({ householdId: householdIds.length === 1 ? householdIds[0] : db.command.in(householdIds) })
      .orderBy('paidAt', 'desc')
      .skip(input.offset)
      .limit(input.limit + 1)
      .get(),
  ).data as ReceiptDoc[]
  const page = rows.slice(0, input.limit)
  const [briefs, orders] = await Promise.all([householdBriefs(db, [...new Set(page.map((r) => r.householdId))]), ordersOf(ctx, page.map((r) => r._id))])
  return { items: page.map((r) => summary(r, briefs.get(r.householdId)?.label ?? r.householdId, orders.get(r._id))), hasMore: rows.length > input.limit }
}

/** One receipt with its lines and each bill's invoice status; members of the household (and its steward / ops) may read it. */
export async function receiptDetail(ctx: ActionContext, receiptId: string): Promise<{ receipt: ReceiptView }> {
  const db = ctx.platform.db
  const _ = db.command
  const receipt = (must(await db.collection(FEE_COLLECTIONS.receipts).doc(receiptId).get()).data as ReceiptDoc[])[0]
  if (!receipt) throw new DomainError('NOT_FOUND', '收据不存在')
  const access = await ctx.access()
  const briefs = await householdBriefs(db, [receipt.householdId])
  const brief = briefs.get(receipt.householdId)
  if (!brief || !canReadHousehold(access, { communityId: brief.communityId, householdId: brief._id, buildingId: brief.buildingId })) throw new DomainError('AUTH.FORBIDDEN')
  const bills = must(await db.collection(FEE_COLLECTIONS.bills).where({ _id: _.in(receipt.lines.map((l) => l.billId)) }).field({ invoiceId: true }).limit(100).get()).data as Pick<BillDoc, '_id' | 'invoiceId'>[]
  const invoiceIds = [...new Set(bills.map((b) => b.invoiceId).filter((x): x is string => !!x))]
  const invoices = invoiceIds.length
    ? (must(await db.collection(FEE_COLLECTIONS.invoices).where({ _id: _.in(invoiceIds) }).field({ status: true }).limit(100).get()).data as Pick<InvoiceDoc, '_id' | 'status'>[])
    : []
  const invoiceStatus = new Map(invoices.map((i) => [i._id, i.status]))
  const billInvoice = new Map(bills.map((b) => [b._id, b.invoiceId ? (invoiceStatus.get(b.invoiceId) ?? 'requested') : 'none'] as const))
  const lines = receipt.lines.map((l) => ({ ...l, invoiceStatus: billInvoice.get(l.billId) ?? ('none' as const) }))
  return {
    receipt: {
      ...summary(receipt, brief.label, (await ordersOf(ctx, [receipt._id])).get(receipt._id)),
      principalFen: lines.reduce((s, l) => s + l.principalFen, 0),
      lateFeeFen: lines.reduce((s, l) => s + l.lateFeeFen, 0),
      payerIsMe: receipt.payerOpenid === access.openid,
      lines,
    },
  }
}
