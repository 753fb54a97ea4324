import { createHash } from 'node:crypto'
import { isDuplicateKey, must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import type { OrderHookContext } from '../orders'
import { addMonths, monthOf } from '../metrics'
import { MERCHANT_COLLECTIONS, type MerchantStatementDoc } from './merchant.model'

const L = MERCHANT_COLLECTIONS.ledger
const S = MERCHANT_COLLECTIONS.statements

export const merchantStatementIdFor = (period: string, merchantId: string) =>
  `mst_${createHash('sha256').update(`${period}\u0001${merchantId}`).digest('hex').slice(0, 32)}`

export interface MerchantSettlementSummary {
  period: string
  merchants: number
  settled: number
  alreadySettled: number
  salesFen: number
  refundsFen: number
  commissionFen: number
  payableFen: number
  remaining: number
}

const TIME_BUDGET_MS = 40_000
export const lastClosedMonth = (now: Date) => addMonths(monthOf(now), -1)

/**
 * Monthly merchant statements, after the month closed (Asia/Shanghai), the same way the steward settlement
 * works (core/attribution/settlement.service.ts): one statement per merchant with open entries available
 * by the end of `period`; a final statement is never touched again; an open one (a crash mid-way) is
 * finished by the next run; entries are claimed by one conditional multi-update, so none lands twice.
 * A refund after a sale was settled is an entry of its own month: the next statement deducts it, and a
 * balance below zero is carried into the following statement instead of being lost.
 */
export async function settleMerchants(ctx: OrderHookContext, period = lastClosedMonth(ctx.now()), budgetMs = TIME_BUDGET_MS): Promise<MerchantSettlementSummary> {
  if (period >= monthOf(ctx.now())) throw new DomainError('MERCHANT.PERIOD_OPEN')
  const db = ctx.platform.db
  const _ = db.command
  const groups = must(await db.collection(L).aggregate().match({ state: 'open', availableMonth: _.lte(period) }).group({ _id: '$merchantId' }).limit(1000).end()) as { data: { _id: string }[] }
  // A run that crashed after claiming every entry left an open statement and no open entry: finish those too.
  const unfinished = must(await db.collection(S).where({ period, status: 'open' }).field({ merchantId: true }).limit(1000).get()).data as { merchantId: string }[]
  for (const u of unfinished) if (!groups.data.some((g) => g._id === u.merchantId)) groups.data.push({ _id: u.merchantId })
  const summary: MerchantSettlementSummary = { period, merchants: groups.data.length, settled: 0, alreadySettled: 0, salesFen: 0, refundsFen: 0, commissionFen: 0, payableFen: 0, remaining: 0 }
  const started = Date.now()
  for (const [i, g] of groups.data.entries()) {
    if (Date.now() - started > budgetMs) {
      summary.remaining = groups.data.length - i
      break
    }
    const st = await settleMerchant(ctx, period, g._id)
    if (!st) {
      summary.alreadySettled += 1
      continue
    }
    summary.settled += 1
    summary.salesFen += st.salesFen
    summary.refundsFen += st.refundsFen
    summary.commissionFen += st.commissionFen
    summary.payableFen += st.payableFen
  }
  ctx.platform.logger.info('merchants.settlement.run', { ...summary })
  return summary
}

/** One merchant's statement for `period`; null when it was already final. */
export async function settleMerchant(ctx: OrderHookContext, period: string, merchantId: string): Promise<MerchantStatementDoc | null> {
  const db = ctx.platform.db
  const _ = db.command
  const now = ctx.now()
  const id = merchantStatementIdFor(period, merchantId)
  const existing = (must(await db.collection(S).doc(id).get()).data as MerchantStatementDoc[])[0]
  if (existing?.status === 'final') return null
  if (!existing) {
    const open: MerchantStatementDoc = { _id: id, merchantId, period, status: 'open', saleCount: 0, refundCount: 0, salesFen: 0, refundsFen: 0, commissionFen: 0, netFen: 0, carryInFen: 0, payableFen: 0, carryOutFen: 0, createdAt: now, finalizedAt: null }
    try {
      must(await db.collection(S).add(open))
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
    }
  }
  must(await db.collection(L).where({ merchantId, state: 'open', availableMonth: _.lte(period) }).update({ state: 'settled', statementId: id }))
  const $ = _.aggregate
  const totals = must(
    await db.collection(L).aggregate().match({ statementId: id }).group({ _id: '$kind', gross: $.sum('$grossFen'), merchant: $.sum('$merchantFen'), commission: $.sum('$commissionFen'), n: $.sum(1) }).limit(10).end(),
  ) as { data: { _id: 'sale' | 'refund'; gross: number; merchant: number; commission: number; n: number }[] }
  const of = (kind: string) => totals.data.find((r) => r._id === kind) ?? { gross: 0, merchant: 0, commission: 0, n: 0 }
  const previous = (must(await db.collection(S).where({ merchantId, status: 'final', period: _.lt(period) }).orderBy('period', 'desc').limit(1).get()).data as MerchantStatementDoc[])[0]
  const sale = of('sale')
  const refund = of('refund')
  const netFen = sale.merchant - refund.merchant
  const carryInFen = previous?.carryOutFen ?? 0
  const balance = netFen + carryInFen
  const final = {
    saleCount: sale.n,
    refundCount: refund.n,
    salesFen: sale.gross,
    refundsFen: refund.gross,
    commissionFen: sale.commission - refund.commission,
    netFen,
    carryInFen,
    payableFen: Math.max(0, balance),
    carryOutFen: Math.min(0, balance),
    status: 'final' as const,
    finalizedAt: now,
  }
  const res = must(await db.collection(S).where({ _id: id, status: 'open' }).update(final))
  if (res.updated !== 1) return null
  return { _id: id, merchantId, period, createdAt: existing?.createdAt ?? now, ...final }
}
