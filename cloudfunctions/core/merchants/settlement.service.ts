import { createHash } from 'node:crypto'
import { DomainError } from '../kernel/domain-error'
import { STATEMENT_TIME_BUDGET_MS, lastClosedMonth, runStatementPeriod, settleStatement, type StatementBook } from '../kernel/statement-run'
import type { OrderHookContext } from '../orders'
import { monthOf } from '../metrics'
import { MERCHANT_COLLECTIONS, type MerchantStatementDoc } from './merchant.model'

export { lastClosedMonth }

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

type MerchantFigures = Pick<MerchantStatementDoc, 'saleCount' | 'refundCount' | 'salesFen' | 'refundsFen' | 'commissionFen' | 'netFen'>

/** A merchant's statement: its share of sales minus its share of refunds; 扣点 shown beside. */
const MERCHANT_BOOK: StatementBook<MerchantStatementDoc, 'gross' | 'merchant' | 'commission', MerchantFigures> = {
  ledger: MERCHANT_COLLECTIONS.ledger,
  statements: MERCHANT_COLLECTIONS.statements,
  partyFields: ['merchantId'],
  statementId: (period, p) => merchantStatementIdFor(period, p.merchantId),
  openStatement: (_id, period, p, now) => ({ _id, merchantId: p.merchantId, period, status: 'open', saleCount: 0, refundCount: 0, salesFen: 0, refundsFen: 0, commissionFen: 0, netFen: 0, carryInFen: 0, payableFen: 0, carryOutFen: 0, createdAt: now, finalizedAt: null }),
  sums: { gross: 'grossFen', merchant: 'merchantFen', commission: 'commissionFen' },
  figures: (of) => {
    const sale = of('sale')
    const refund = of('refund')
    return { saleCount: sale.n, refundCount: refund.n, salesFen: sale.gross, refundsFen: refund.gross, commissionFen: sale.commission - refund.commission, netFen: sale.merchant - refund.merchant }
  },
}

/**
 * Monthly merchant statements, after the month closed (Asia/Shanghai), through the same kernel statement
 * run as the steward settlement (core/kernel/statement-run.ts): one statement per merchant with open
 * entries available by the end of `period`; resumable after a crash; one statement under concurrent runs.
 * A refund after a sale was settled is an entry of its own month: the next statement deducts it, and a
 * balance below zero is carried into the following statement instead of being lost.
 */
export async function settleMerchants(ctx: OrderHookContext, period = lastClosedMonth(ctx.now()), budgetMs = STATEMENT_TIME_BUDGET_MS): Promise<MerchantSettlementSummary> {
  if (period >= monthOf(ctx.now())) throw new DomainError('MERCHANT.PERIOD_OPEN')
  const run = await runStatementPeriod(ctx, MERCHANT_BOOK, period, budgetMs)
  const total = (f: 'salesFen' | 'refundsFen' | 'commissionFen' | 'payableFen') => run.settled.reduce((sum, s) => sum + s[f], 0)
  const summary: MerchantSettlementSummary = {
    period,
    merchants: run.parties,
    settled: run.settled.length,
    alreadySettled: run.alreadySettled,
    salesFen: total('salesFen'),
    refundsFen: total('refundsFen'),
    commissionFen: total('commissionFen'),
    payableFen: total('payableFen'),
    remaining: run.remaining,
  }
  ctx.platform.logger.info('merchants.settlement.run', { ...summary })
  return summary
}

/** One merchant's statement for `period`; null when it was already final. */
export function settleMerchant(ctx: OrderHookContext, period: string, merchantId: string): Promise<MerchantStatementDoc | null> {
  return settleStatement(ctx, MERCHANT_BOOK, period, { merchantId })
}
