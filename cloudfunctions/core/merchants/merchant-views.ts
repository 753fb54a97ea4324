import type { InvoiceableOrder, ListingRow, MerchantOrder, MerchantStatement, MerchantView, OrderInvoice } from '../../contracts/merchants.schemas'
import type { ListingDoc, MerchantDoc, MerchantLedgerDoc, MerchantStatementDoc, OrderInvoiceDoc, Seller, SplitDoc } from './merchant.model'

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)

export function merchantView(m: MerchantDoc): MerchantView {
  return {
    merchantId: m._id,
    name: m.name,
    licenceNo: m.licenceNo,
    contactName: m.contactName,
    contactPhoneLast4: m.contactPhoneLast4,
    settlementAccount: m.settlementAccount,
    defaultRateBp: m.defaultRateBp,
    issuesInvoices: m.issuesInvoices,
    status: m.status,
    receiver: m.receiver
      ? { state: m.receiver.state, account: m.receiver.account, lastError: m.receiver.lastError, attempts: m.receiver.attempts, addedAt: iso(m.receiver.addedAt) }
      : null,
  }
}

export function merchantOrderView(s: SplitDoc): MerchantOrder {
  return {
    orderId: s.orderId,
    orderNo: s.orderNo,
    type: s.orderType,
    title: s.title,
    grossFen: s.grossFen,
    merchantFen: s.merchantFen,
    commissionFen: s.commissionFen,
    refundedFen: s.refundedFen,
    rateBp: s.rateBp,
    paidAt: iso(s.paidAt)!,
    deliveredAt: iso(s.delivery?.at),
    fulfilledAt: iso(s.fulfilledAt),
    toDeliver: s.toDeliver === true,
  }
}

export function statementView(s: MerchantStatementDoc): MerchantStatement {
  return {
    statementId: s._id,
    period: s.period,
    status: s.status,
    saleCount: s.saleCount,
    refundCount: s.refundCount,
    salesFen: s.salesFen,
    refundsFen: s.refundsFen,
    commissionFen: s.commissionFen,
    netFen: s.netFen,
    viaSharingFen: s.viaSharingFen ?? 0,
    carryInFen: s.carryInFen,
    payableFen: s.payableFen,
    carryOutFen: s.carryOutFen,
    finalizedAt: iso(s.finalizedAt),
  }
}

export function ledgerEntryView(e: MerchantLedgerDoc) {
  const sign = e.kind === 'refund' ? -1 : 1
  const viaSharingFen = (e.sharedFen ?? 0) - (e.returnedFen ?? 0)
  return { entryId: e._id, kind: e.kind, orderId: e.orderId, title: e.title, grossFen: e.grossFen, merchantFen: sign * e.merchantFen, commissionFen: sign * e.commissionFen, viaSharingFen, at: iso(e.at)! }
}

export function invoiceView(d: OrderInvoiceDoc): OrderInvoice {
  return {
    invoiceId: d._id,
    orderId: d.orderId,
    orderNo: d.orderNo,
    orderTitle: d.orderTitle,
    issuer: d.issuer,
    title: d.title,
    email: d.email,
    amountFen: d.amountFen,
    status: d.status,
    invoiceNo: d.invoiceNo,
    requestedAt: iso(d.requestedAt)!,
    issuedAt: iso(d.issuedAt),
  }
}

export function invoiceableView(row: { split: SplitDoc; issuer: Seller; invoice: OrderInvoiceDoc | null }): InvoiceableOrder {
  const s = row.split
  return {
    orderId: s.orderId,
    orderNo: s.orderNo,
    title: s.title,
    amountFen: s.grossFen - s.refundedFen,
    paidAt: iso(s.paidAt)!,
    seller: s.seller,
    issuer: row.issuer,
    invoice: row.invoice ? invoiceView(row.invoice) : null,
  }
}

export function listingView(l: ListingDoc | null, kind: ListingDoc['kind'], refId: string, title: string, merchants: Map<string, MerchantDoc>): ListingRow {
  const m = l?.merchantId ? merchants.get(l.merchantId) : undefined
  return {
    kind,
    refId,
    title,
    seller: m ? { kind: 'merchant', merchantId: m._id, name: m.name } : { kind: 'property', merchantId: null, name: '物业公司' },
    rateBp: m ? l!.rateBp : 10_000,
    rateReason: m ? l!.rateReason : null,
  }
}
