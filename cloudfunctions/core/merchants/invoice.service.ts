import { userOpenid, type ActionContext } from '../kernel/action-context'
import { isDuplicateKey, must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { monthOf } from '../metrics'
import { authorize } from '../auth'
import { loadOrder } from '../orders'
import type { InvoiceTitle } from '../../contracts/fees-common.schemas'
import { MERCHANT_COLLECTIONS, type MerchantDoc, type OrderInvoiceDoc, type Seller, type SplitDoc } from './merchant.model'
import { PROPERTY_SELLER_NAME } from './listing.service'
import { loadSplit, recordSplit } from './split.service'

const I = MERCHANT_COLLECTIONS.invoices
export const invoiceIdFor = (orderId: string) => `inv-${orderId}`
export const merchantQueue = (merchantId: string) => `merchant:${merchantId}`
export const propertyQueue = (communityId: string) => `property:${communityId}`

/**
 * Who issues the invoice of a sale: the merchant that sold it when it issues its own (the complaint this
 * fixes: an appliance invoice naming the property company, which then had to issue a second one), else
 * the property company — for its own sales, and on behalf of a merchant that does not issue invoices.
 */
export async function issuerOf(ctx: ActionContext, split: SplitDoc): Promise<{ issuer: Seller; queue: string }> {
  if (split.seller.kind === 'merchant' && split.merchantId) {
    const m = (must(await ctx.platform.db.collection(MERCHANT_COLLECTIONS.merchants).doc(split.merchantId).get()).data as MerchantDoc[])[0]
    if (m?.issuesInvoices) return { issuer: { kind: 'merchant', merchantId: m._id, name: m.name }, queue: merchantQueue(m._id) }
  }
  return { issuer: { kind: 'property', merchantId: null, name: PROPERTY_SELLER_NAME }, queue: propertyQueue(split.communityId) }
}

/**
 * A resident asks for the invoice of a paid group-buy or service order of their household. One request
 * per order; the amount is what is still paid. Every check happens before the single insert.
 */
export async function requestOrderInvoice(ctx: ActionContext, input: { orderId: string; title: InvoiceTitle; email?: string }): Promise<OrderInvoiceDoc> {
  const openid = userOpenid(ctx)
  const order = await loadOrder(ctx.platform, input.orderId)
  if (!order) throw new DomainError('MERCHANT.ORDER_NOT_FOUND')
  authorize(await ctx.access(), 'household.act', { communityId: order.communityId, householdId: order.householdId })
  const stillPaid = order.paidFen - order.refundedFen - order.pendingRefundFen
  if ((order.type !== 'groupbuy' && order.type !== 'service') || !order.payment || stillPaid <= 0 || order.status === 'cancelled') throw new DomainError('MERCHANT.INVOICE_NOT_ALLOWED')
  const split = (await loadSplit(ctx, order._id)) ?? (await recordSplit(ctx, order))
  if (!split) throw new DomainError('MERCHANT.INVOICE_NOT_ALLOWED')
  const { issuer, queue } = await issuerOf(ctx, split)
  const now = ctx.now()
  const doc: OrderInvoiceDoc = {
    _id: invoiceIdFor(order._id),
    orderId: order._id,
    orderNo: order.orderNo ?? null,
    orderTitle: order.title,
    communityId: order.communityId,
    householdId: order.householdId,
    requesterOpenid: openid,
    issuer,
    queue,
    title: { type: input.title.type, name: input.title.name.trim(), taxId: input.title.type === 'company' ? input.title.taxId : null },
    email: input.email ?? null,
    amountFen: stillPaid,
    status: 'requested',
    invoiceNo: null,
    requestedAt: now,
    issuedAt: null,
    month: monthOf(now),
  }
  try {
    must(await ctx.platform.db.collection(I).add(doc))
  } catch (e) {
    if (isDuplicateKey(e)) throw new DomainError('MERCHANT.INVOICE_EXISTS')
    throw e
  }
  ctx.platform.logger.info('merchants.invoice_requested', { orderId: order._id, queue })
  return doc
}

export async function invoiceQueue(ctx: ActionContext, queue: string, status: OrderInvoiceDoc['status'] | undefined, offset: number, limit: number) {
  const where: Record<string, unknown> = { queue, ...(status ? { status } : {}) }
  const rows = must(await ctx.platform.db.collection(I).where(where).orderBy('requestedAt', 'desc').skip(offset).limit(limit + 1).get()).data as OrderInvoiceDoc[]
  return { invoices: rows.slice(0, limit), hasMore: rows.length > limit }
}

/** The issuer records the invoice number; only from the queue the request waits in, and only once. */
export async function issueOrderInvoice(ctx: ActionContext, queue: string, invoiceId: string, invoiceNo: string): Promise<OrderInvoiceDoc> {
  const db = ctx.platform.db
  const doc = (must(await db.collection(I).doc(invoiceId).get()).data as OrderInvoiceDoc[])[0]
  // Another issuer's request is "not found" for this one: the queue is the scope.
  if (!doc || doc.queue !== queue) throw new DomainError('MERCHANT.INVOICE_NOT_FOUND')
  if (doc.status === 'issued') throw new DomainError('MERCHANT.INVOICE_ALREADY_ISSUED')
  const now = ctx.now()
  const res = must(await db.collection(I).where({ _id: invoiceId, status: 'requested' }).update({ status: 'issued', invoiceNo, issuedAt: now }))
  if (res.updated !== 1) throw new DomainError('MERCHANT.INVOICE_ALREADY_ISSUED')
  return { ...doc, status: 'issued', invoiceNo, issuedAt: now }
}

/** The resident's group-buy and service orders with who sells them, who invoices them and the request, if any. */
export async function myInvoiceableOrders(ctx: ActionContext, offset: number, limit: number) {
  const openid = userOpenid(ctx)
  const db = ctx.platform.db
  const splits = must(await db.collection(MERCHANT_COLLECTIONS.splits).where({ payerOpenid: openid }).orderBy('paidAt', 'desc').skip(offset).limit(limit + 1).get()).data as SplitDoc[]
  const page = splits.slice(0, limit)
  const ids = page.map((s) => invoiceIdFor(s.orderId))
  const invoices = ids.length ? (must(await db.collection(I).where({ _id: db.command.in(ids) }).limit(ids.length).get()).data as OrderInvoiceDoc[]) : []
  const byOrder = new Map(invoices.map((i) => [i.orderId, i]))
  const rows = []
  for (const s of page) rows.push({ split: s, issuer: (await issuerOf(ctx, s)).issuer, invoice: byOrder.get(s.orderId) ?? null })
  return { rows, hasMore: splits.length > limit }
}
