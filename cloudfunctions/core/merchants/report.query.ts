import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { MERCHANT_COLLECTIONS, type MerchantStatementDoc } from './merchant.model'
import { merchantsOf } from './merchant-admin.service'
import { merchantStatementIdFor } from './settlement.service'
import { merchantQueue } from './invoice.service'

export interface MerchantReportRow {
  merchantId: string
  name: string
  month: string
  orders: number
  /** Paid in the month (Asia/Shanghai). */
  gmvFen: number
  /** Refunded so far of those orders. */
  refundFen: number
  /** 扣点 of the month's ledger (sales fulfilled in the month − refunds booked in it). */
  commissionFen: number
  /** What 分账 paid of the month's earnings (the statement's figure once settled). */
  viaSharingFen: number
  /**
   * The month's statement's payable when settled; else the provisional figure of the month's entries: the
   * merchant's share minus what 分账 pays (no carry-in yet).
   */
  netPayableFen: number
  settled: boolean
  invoicesRequested: number
  invoicesIssued: number
}

/**
 * One row per merchant of the community for a month. A fixed number of aggregations over the month's
 * splits, ledger entries and invoices plus the statements read by id — never a scan of history.
 */
export async function merchantReport(platform: Platform, communityId: string, month: string): Promise<MerchantReportRow[]> {
  const db = platform.db
  const _ = db.command
  const $ = _.aggregate
  const merchants = await merchantsOf(platform, communityId)
  if (merchants.length === 0) return []
  const ids = merchants.map((m) => m._id)
  const [sales, ledger, invoices, statements] = await Promise.all([
    db.collection(MERCHANT_COLLECTIONS.splits).aggregate().match({ communityId, month, merchantId: _.in(ids) }).group({ _id: '$merchantId', n: $.sum(1), gross: $.sum('$grossFen'), refunded: $.sum('$refundedFen') }).limit(1000).end(),
    db.collection(MERCHANT_COLLECTIONS.ledger).aggregate().match({ communityId, availableMonth: month }).group({ _id: { m: '$merchantId', k: '$kind' }, merchant: $.sum('$merchantFen'), commission: $.sum('$commissionFen'), shared: $.sum('$sharedFen'), returned: $.sum('$returnedFen') }).limit(1000).end(),
    db.collection(MERCHANT_COLLECTIONS.invoices).aggregate().match({ communityId, month, queue: _.in(ids.map(merchantQueue)) }).group({ _id: { q: '$queue', s: '$status' }, n: $.sum(1) }).limit(1000).end(),
    db.collection(MERCHANT_COLLECTIONS.statements).where({ _id: _.in(ids.map((id) => merchantStatementIdFor(month, id))) }).limit(1000).get(),
  ])
  type Sale = { _id: string; n: number; gross: number; refunded: number }
  type Led = { _id: { m: string; k: 'sale' | 'refund' | 'unshared' }; merchant: number; commission: number; shared: number; returned: number }
  type Inv = { _id: { q: string; s: string }; n: number }
  const saleRows = (must(sales) as { data: Sale[] }).data
  const ledRows = (must(ledger) as { data: Led[] }).data
  const invRows = (must(invoices) as { data: Inv[] }).data
  const stmts = must(statements).data as MerchantStatementDoc[]
  return merchants.map((m) => {
    const s = saleRows.find((r) => r._id === m._id)
    const led = (k: Led['_id']['k']) => ledRows.find((r) => r._id.m === m._id && r._id.k === k) ?? { merchant: 0, commission: 0, shared: 0, returned: 0 }
    const viaSharing = (['sale', 'refund', 'unshared'] as const).reduce((sum, k) => sum + (led(k).shared ?? 0) - (led(k).returned ?? 0), 0)
    const st = stmts.find((x) => x.merchantId === m._id && x.status === 'final')
    const inv = (status: string) => invRows.find((r) => r._id.q === merchantQueue(m._id) && r._id.s === status)?.n ?? 0
    return {
      merchantId: m._id,
      name: m.name,
      month,
      orders: s?.n ?? 0,
      gmvFen: s?.gross ?? 0,
      refundFen: s?.refunded ?? 0,
      commissionFen: st ? st.commissionFen : led('sale').commission - led('refund').commission,
      viaSharingFen: st ? (st.viaSharingFen ?? 0) : viaSharing,
      netPayableFen: st ? st.payableFen : led('sale').merchant - led('refund').merchant - viaSharing,
      settled: !!st,
      invoicesRequested: inv('requested'),
      invoicesIssued: inv('issued'),
    }
  })
}
