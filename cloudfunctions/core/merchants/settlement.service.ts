import { createHash } from 'node:crypto'
import { DomainError } from '../kernel/domain-error'
import { STATEMENT_TIME_BUDGET_MS, lastClosedMonth, runStatementPeriod, runTotals, settleStatement, type StatementBook } from '../kernel/statement-run'
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

type MerchantFigures = Pick<MerchantStatementDoc, 'saleCount' | 'refundCount' | 'salesFen' | 'refundsFen' | 'commissionFen' | 'netFen' | 'viaSharingFen'>

/**
 * A merchant's statement: its share of sales minus its share of refunds (its earnings, `netFen`); 扣点
 * shown beside. What WeChat Pay 分账 already paid of those earnings (`viaSharingFen`: splits queued − returns
 * queued, after the compensations of records that ended without moving money) is not paid again: the
 * balance is `netFen − viaSharingFen + carry-in` (docs/merchants.md).
 */
const MERCHANT_BOOK: StatementBook<MerchantStatementDoc, 'gross' | 'merchant' | 'commission' | 'shared' | 'returned', MerchantFigures> = {
  ledger: MERCHANT_COLLECTIONS.ledger,
  statements: MERCHANT_COLLECTIONS.statements,
  partyFields: ['merchantId'],
  statementId: (period, p) => merchantStatementIdFor(period, p.merchantId),
  openStatement: (_id, period, p, now) => ({ _id, merchantId: p.merchantId, period, status: 'open', saleCount: 0, refundCount: 0, salesFen: 0, refundsFen: 0, commissionFen: 0, netFen: 0, viaSharingFen: 0, carryInFen: 0, payableFen: 0, carryOutFen: 0, createdAt: now, finalizedAt: null }),
  sums: { gross: 'grossFen', merchant: 'merchantFen', commission: 'commissionFen', shared: 'sharedFen', returned: 'returnedFen' },
  figures: (of) => {
    const sale = of('sale')
    const refund = of('refund')
    const unshared = of('unshared')
    return {
      saleCount: sale.n,
      refundCount: refund.n,
      salesFen: sale.gross,
      refundsFen: refund.gross,
      commissionFen: sale.commission - refund.commission,
      netFen: sale.merchant - refund.merchant,
      viaSharingFen: sale.shared + unshared.shared - refund.returned - unshared.returned,
    }
  },
  dueFen: (f) => f.netFen - f.viaSharingFen,
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
  const summary: MerchantSettlementSummary = { period, merchants: run.parties, ...runTotals(run, ['salesFen', 'refundsFen', 'commissionFen', 'payableFen']) }
  ctx.platform.logger.info('merchants.settlement.run', { ...summary })
  return summary
}

/** One merchant's statement for `period`; null when it was already final. */
export function settleMerchant(ctx: OrderHookContext, period: string, merchantId: string): Promise<MerchantStatementDoc | null> {
  return settleStatement(ctx, MERCHANT_BOOK, period, { merchantId })
}
