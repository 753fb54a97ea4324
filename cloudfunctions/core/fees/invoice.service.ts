import type { Db } from '@cloudbase/database'
import type { InvoiceTitle, InvoiceView } from '../../contracts/fees-common.schemas'
import { FEE_ERROR_MESSAGES } from '../../contracts/errors/fees'
import { userOpenid, type ActionContext } from '../kernel/action-context'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import { FEE_COLLECTIONS, type BillDoc, type InvoiceDoc } from './fee.model'
import { authorizeHouseholdAct, householdBriefs, householdsInView } from './fee-access'
import { requestScopedId } from './fee-ids'
import { feeError, loadBills } from './bills.repo'

export function invoiceView(doc: InvoiceDoc, label: string): InvoiceView {
  return {
    invoiceId: doc._id,
    householdId: doc.householdId,
    label,
    title: doc.title,
    email: doc.email,
    amountFen: doc.amountFen,
    billIds: doc.billIds,
    status: doc.status,
    requestedAt: new Date(doc.requestedAt).toISOString(),
    issuedAt: doc.issuedAt ? new Date(doc.issuedAt).toISOString() : null,
    invoiceNo: doc.invoiceNo,
  }
}

async function withLabels(db: Db, docs: InvoiceDoc[]): Promise<InvoiceView[]> {
  const briefs = await householdBriefs(db, docs.map((d) => d.householdId))
  return docs.map((d) => invoiceView(d, briefs.get(d.householdId)?.label ?? d.householdId))
}

/**
 * An invoice request for paid bills of one household, in the name of whoever paid them: only that payer may
 * ask, each bill goes on at most one invoice (bill.invoiceId is claimed in the same transaction that
 * writes the request), and an unpaid bill is refused before anything is written.
 */
export async function requestInvoice(ctx: ActionContext, input: { billIds: string[]; title: InvoiceTitle; email?: string }): Promise<{ invoice: InvoiceView }> {
  const openid = userOpenid(ctx)
  const db = ctx.platform.db
  const ids = [...new Set(input.billIds)]
  const bills = await loadBills(db, ids)
  // Access to every bill first: a bill of a household the caller does not belong to is AUTH.FORBIDDEN,
  // never FEE.ONE_HOUSEHOLD (which would confirm that the foreign bill exists).
  const access = await ctx.access()
  for (const b of bills) authorizeHouseholdAct(access, b)
  if (bills.some((b) => b.householdId !== bills[0].householdId)) throw feeError('FEE.ONE_HOUSEHOLD')
  if (bills.some((b) => b.status !== 'paid')) throw feeError('FEE.NOT_PAID')
  if (bills.some((b) => b.payerOpenid !== openid)) throw feeError('FEE.NOT_PAYER')
  const invoiceId = requestScopedId('iv', openid, ctx.requestId ?? `${ids.sort().join(',')}`)
  if (bills.some((b) => b.invoiceId && b.invoiceId !== invoiceId)) throw feeError('FEE.ALREADY_INVOICED')
  const now = ctx.now()
  const doc: InvoiceDoc = {
    _id: invoiceId,
    communityId: bills[0].communityId,
    householdId: bills[0].householdId,
    requestedBy: openid,
    title: { type: input.title.type, name: input.title.name, taxId: input.title.type === 'company' ? input.title.taxId : null },
    email: input.email ?? null,
    billIds: ids,
    amountFen: bills.reduce((s, b) => s + b.paidFen, 0),
    status: 'requested',
    invoiceNo: null,
    requestedAt: now,
    issuedAt: null,
  }
  await runTx(db, async (t) => {
    if (await txGet<InvoiceDoc>(t, FEE_COLLECTIONS.invoices, invoiceId)) return
    for (const id of ids) {
      const bill = await txGet<BillDoc>(t, FEE_COLLECTIONS.bills, id)
      if (!bill || bill.status !== 'paid') throw feeError('FEE.NOT_PAID')
      if (bill.invoiceId) throw feeError('FEE.ALREADY_INVOICED')
      await txWrite(t.collection(FEE_COLLECTIONS.bills).doc(id).update({ invoiceId, updatedAt: now }))
    }
    const { _id, ...rest } = doc
    await txWrite(t.collection(FEE_COLLECTIONS.invoices).doc(_id).set(rest))
  })
  const saved = (must(await db.collection(FEE_COLLECTIONS.invoices).doc(invoiceId).get()).data as InvoiceDoc[])[0] ?? doc
  return { invoice: (await withLabels(db, [saved]))[0] }
}

/** The caller's households' invoice requests, newest first. */
export async function myInvoices(ctx: ActionContext, householdId?: string): Promise<{ items: InvoiceView[] }> {
  const db = ctx.platform.db
  const { householdIds } = await householdsInView(ctx, householdId)
  if (householdIds.length === 0) return { items: [] }
  const docs = must(await db.collection(FEE_COLLECTIONS.invoices).where({ householdId: db.command.in(householdIds) }).orderBy('requestedAt', 'desc').limit(100).get()).data as InvoiceDoc[]
  return { items: await withLabels(db, docs) }
}

export async function listInvoices(db: Db, input: { communityId: string; status: 'requested' | 'issued' | 'all'; offset: number; limit: number }): Promise<{ items: InvoiceView[]; hasMore: boolean }> {
  const where = input.status === 'all' ? { communityId: input.communityId } : { communityId: input.communityId, status: input.status }
  const docs = must(await db.collection(FEE_COLLECTIONS.invoices).where(where).orderBy('requestedAt', 'asc').skip(input.offset).limit(input.limit + 1).get()).data as InvoiceDoc[]
  return { items: await withLabels(db, docs.slice(0, input.limit)), hasMore: docs.length > input.limit }
}

export async function loadInvoice(db: Db, invoiceId: string): Promise<InvoiceDoc> {
  const doc = (must(await db.collection(FEE_COLLECTIONS.invoices).doc(invoiceId).get()).data as InvoiceDoc[])[0]
  if (!doc) throw new DomainError('FEE.INVOICE_NOT_FOUND', FEE_ERROR_MESSAGES['FEE.INVOICE_NOT_FOUND'])
  return doc
}

/** requested → issued, once; repeating it with the same invoice number answers the same. */
export async function markInvoiceIssued(db: Db, invoice: InvoiceDoc, invoiceNo: string, now: Date): Promise<{ invoice: InvoiceView }> {
  const res = must(await db.collection(FEE_COLLECTIONS.invoices).where({ _id: invoice._id, status: 'requested' }).update({ status: 'issued', invoiceNo, issuedAt: now }))
  if (res.updated !== 1) {
    const fresh = await loadInvoice(db, invoice._id)
    if (fresh.invoiceNo !== invoiceNo) throw feeError('FEE.INVOICE_ISSUED')
    return { invoice: (await withLabels(db, [fresh]))[0] }
  }
  return { invoice: (await withLabels(db, [{ ...invoice, status: 'issued', invoiceNo, issuedAt: now }]))[0] }
}
