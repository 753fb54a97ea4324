import { createHash } from 'node:crypto'
import { isDuplicateKey, must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { ATTRIBUTION_ERROR_MESSAGES } from '../../contracts/errors/attribution'
import type { OrderHookContext } from '../orders'
import { addMonths, monthOf } from '../metrics'
import { ATTRIBUTION_COLLECTIONS, type StatementDoc } from './attribution.model'

const L = ATTRIBUTION_COLLECTIONS.ledger
const S = ATTRIBUTION_COLLECTIONS.statements

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

/** Stay well inside the function's timeout; what is left is finished by the next run. */
const TIME_BUDGET_MS = 40_000

/** The month a run without a period settles: the last one that has ended (Asia/Shanghai). */
export const lastClosedMonth = (now: Date) => addMonths(monthOf(now), -1)

/**
 * Monthly settlement: for every steward with open entries available by the end of `period` (accruals
 * whose freeze ended, reversals), one statement. Idempotent and resumable without state of its own:
 * a final statement is never touched again; an open one (a crash mid-way) is finished by the next run;
 * entries are claimed by one conditional multi-update, so no entry lands in two statements.
 */
export async function settlePeriod(ctx: OrderHookContext, period = lastClosedMonth(ctx.now()), budgetMs = TIME_BUDGET_MS): Promise<SettlementSummary> {
  if (period >= monthOf(ctx.now())) throw new DomainError('ATTRIBUTION.PERIOD_OPEN', ATTRIBUTION_ERROR_MESSAGES['ATTRIBUTION.PERIOD_OPEN'])
  const db = ctx.platform.db
  const _ = db.command
  const groups = must(
    await db
      .collection(L)
      .aggregate()
      .match({ state: 'open', availableMonth: _.lte(period) })
      .group({ _id: { steward: '$stewardOpenid', community: '$communityId' } })
      .limit(1000)
      .end(),
  ) as { data: { _id: { steward: string; community: string } }[] }
  // A run that crashed after claiming every entry left an open statement and no open entry: finish those too.
  const unfinished = must(await db.collection(S).where({ period, status: 'open' }).field({ stewardOpenid: true, communityId: true }).limit(1000).get()).data as { stewardOpenid: string; communityId: string }[]
  for (const u of unfinished) {
    if (!groups.data.some((g) => g._id.steward === u.stewardOpenid && g._id.community === u.communityId)) groups.data.push({ _id: { steward: u.stewardOpenid, community: u.communityId } })
  }
  const summary: SettlementSummary = { period, stewards: groups.data.length, settled: 0, alreadySettled: 0, accrualCount: 0, reversalCount: 0, accruedFen: 0, reversedFen: 0, payableFen: 0, remaining: 0 }
  const started = Date.now()
  for (const [i, g] of groups.data.entries()) {
    if (Date.now() - started > budgetMs) {
      summary.remaining = groups.data.length - i
      break
    }
    const outcome = await settleSteward(ctx, period, g._id.community, g._id.steward)
    if (!outcome) {
      summary.alreadySettled += 1
      continue
    }
    summary.settled += 1
    summary.accrualCount += outcome.accrualCount
    summary.reversalCount += outcome.reversalCount
    summary.accruedFen += outcome.accruedFen
    summary.reversedFen += outcome.reversedFen
    summary.payableFen += outcome.payableFen
  }
  ctx.platform.logger.info('attribution.settlement.run', { ...summary })
  return summary
}

/** One steward's statement for `period`; null when it was already final. */
export async function settleSteward(ctx: OrderHookContext, period: string, communityId: string, stewardOpenid: string): Promise<StatementDoc | null> {
  const db = ctx.platform.db
  const _ = db.command
  const now = ctx.now()
  const id = statementIdFor(period, communityId, stewardOpenid)
  const existing = (must(await db.collection(S).doc(id).get()).data as StatementDoc[])[0]
  if (existing?.status === 'final') return null
  if (!existing) {
    const open: StatementDoc = { _id: id, stewardOpenid, communityId, period, status: 'open', accrualCount: 0, reversalCount: 0, accruedFen: 0, reversedFen: 0, netFen: 0, carryInFen: 0, payableFen: 0, carryOutFen: 0, createdAt: now, finalizedAt: null }
    try {
      must(await db.collection(S).add(open))
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
    }
  }
  must(
    await db
      .collection(L)
      .where({ stewardOpenid, communityId, state: 'open', availableMonth: _.lte(period) })
      .update({ state: 'settled', statementId: id, settledAt: now }),
  )
  const $ = _.aggregate
  const totals = must(await db.collection(L).aggregate().match({ statementId: id }).group({ _id: '$kind', fen: $.sum('$amountFen'), n: $.sum(1) }).limit(10).end()) as {
    data: { _id: 'accrual' | 'reversal'; fen: number; n: number }[]
  }
  const of = (kind: string) => totals.data.find((r) => r._id === kind) ?? { fen: 0, n: 0 }
  const previous = (must(
    await db.collection(S).where({ stewardOpenid, communityId, status: 'final', period: _.lt(period) }).orderBy('period', 'desc').limit(1).get(),
  ).data as StatementDoc[])[0]
  const accruedFen = of('accrual').fen
  const reversedFen = of('reversal').fen
  const netFen = accruedFen - reversedFen
  const carryInFen = previous?.carryOutFen ?? 0
  const balance = netFen + carryInFen
  const final = {
    accrualCount: of('accrual').n,
    reversalCount: of('reversal').n,
    accruedFen,
    reversedFen,
    netFen,
    carryInFen,
    payableFen: Math.max(0, balance),
    carryOutFen: Math.min(0, balance),
    status: 'final' as const,
    finalizedAt: now,
  }
  const res = must(await db.collection(S).where({ _id: id, status: 'open' }).update(final))
  // Another run finished it meanwhile: that one counts.
  if (res.updated !== 1) return null
  return { _id: id, stewardOpenid, communityId, period, createdAt: existing?.createdAt ?? now, ...final }
}
