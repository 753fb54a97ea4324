import { createHash } from 'node:crypto'
import { DomainError } from '../kernel/domain-error'
import { STATEMENT_TIME_BUDGET_MS, lastClosedMonth, runStatementPeriod, settleStatement, type StatementBook } from '../kernel/statement-run'
import { ATTRIBUTION_ERROR_MESSAGES } from '../../contracts/errors/attribution'
import type { OrderHookContext } from '../orders'
import { monthOf } from '../metrics'
import { ATTRIBUTION_COLLECTIONS, type StatementDoc } from './attribution.model'

export { lastClosedMonth }

export const statementIdFor = (period: string, communityId: string, stewardOpenid: string) =>
  `cs_${createHash('sha256').update(`${period}\u0001${communityId}\u0001${stewardOpenid}`).digest('hex').slice(0, 32)}`

export interface SettlementSummary {
  period: string
  stewards: number
  settled: number
  alreadySettled: number
  accrualCount: number
  reversalCount: number
  accruedFen: number
  reversedFen: number
  payableFen: number
  /** Stewards left for the next run when the time budget ran out (the timer comes back hourly). */
  remaining: number
}

/** A steward's statement per community: accruals whose freeze ended, minus reversals (clawbacks). */
const STEWARD_BOOK: StatementBook<StatementDoc, 'fen', { accrualCount: number; reversalCount: number; accruedFen: number; reversedFen: number; netFen: number }> = {
  ledger: ATTRIBUTION_COLLECTIONS.ledger,
  statements: ATTRIBUTION_COLLECTIONS.statements,
  partyFields: ['stewardOpenid', 'communityId'],
  statementId: (period, p) => statementIdFor(period, p.communityId, p.stewardOpenid),
  openStatement: (_id, period, p, now) => ({ _id, stewardOpenid: p.stewardOpenid, communityId: p.communityId, period, status: 'open', accrualCount: 0, reversalCount: 0, accruedFen: 0, reversedFen: 0, netFen: 0, carryInFen: 0, payableFen: 0, carryOutFen: 0, createdAt: now, finalizedAt: null }),
  sums: { fen: 'amountFen' },
  claimStamp: (now) => ({ settledAt: now }),
  figures: (of) => {
    const accrual = of('accrual')
    const reversal = of('reversal')
    return { accrualCount: accrual.n, reversalCount: reversal.n, accruedFen: accrual.fen, reversedFen: reversal.fen, netFen: accrual.fen - reversal.fen }
  },
}

/**
 * Monthly settlement: for every steward with open entries available by the end of `period` (accruals
 * whose freeze ended, reversals), one statement, through the kernel's statement run (core/kernel/statement-run.ts:
 * resumable after a crash, one statement under concurrent runs, negative balances carried over).
 */
export async function settlePeriod(ctx: OrderHookContext, period = lastClosedMonth(ctx.now()), budgetMs = STATEMENT_TIME_BUDGET_MS): Promise<SettlementSummary> {
  if (period >= monthOf(ctx.now())) throw new DomainError('ATTRIBUTION.PERIOD_OPEN', ATTRIBUTION_ERROR_MESSAGES['ATTRIBUTION.PERIOD_OPEN'])
  const run = await runStatementPeriod(ctx, STEWARD_BOOK, period, budgetMs)
  const total = (f: 'accrualCount' | 'reversalCount' | 'accruedFen' | 'reversedFen' | 'payableFen') => run.settled.reduce((sum, s) => sum + s[f], 0)
  const summary: SettlementSummary = {
    period,
    stewards: run.parties,
    settled: run.settled.length,
    alreadySettled: run.alreadySettled,
    accrualCount: total('accrualCount'),
    reversalCount: total('reversalCount'),
    accruedFen: total('accruedFen'),
    reversedFen: total('reversedFen'),
    payableFen: total('payableFen'),
    remaining: run.remaining,
  }
  ctx.platform.logger.info('attribution.settlement.run', { ...summary })
  return summary
}

/** One steward's statement for `period`; null when it was already final. */
export function settleSteward(ctx: OrderHookContext, period: string, communityId: string, stewardOpenid: string): Promise<StatementDoc | null> {
  return settleStatement(ctx, STEWARD_BOOK, period, { stewardOpenid, communityId })
}
