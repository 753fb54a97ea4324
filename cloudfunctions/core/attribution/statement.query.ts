import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import type { StatementEntry, StatementSummary } from '../../contracts/attribution.contract'
import { ATTRIBUTION_COLLECTIONS, type LedgerDoc, type StatementDoc } from './attribution.model'
import { ALL_TIME, METRIC_COLLECTIONS, rollupId, stewardScopeKey, type RollupDoc } from '../metrics'

export function toStatementSummary(s: StatementDoc): StatementSummary {
  return {
    statementId: s._id,
    period: s.period,
    status: s.status,
    accrualCount: s.accrualCount,
    reversalCount: s.reversalCount,
    accruedFen: s.accruedFen,
    reversedFen: s.reversedFen,
    netFen: s.netFen,
    carryInFen: s.carryInFen,
    payableFen: s.payableFen,
    carryOutFen: s.carryOutFen,
    finalizedAt: s.finalizedAt ? new Date(s.finalizedAt).toISOString() : null,
  }
}

function toEntry(e: LedgerDoc): StatementEntry {
  return {
    entryId: e._id,
    kind: e.kind,
    orderId: e.orderId,
    title: e.title,
    orderType: e.orderType,
    amountFen: e.amountFen,
    baseFen: e.baseFen ?? null,
    rateBp: e.rateBp ?? null,
    refundFen: e.refundFen ?? null,
    at: new Date(e.at).toISOString(),
  }
}

/** A steward's statement for a period, or their latest one. */
export async function findStatement(db: Db, stewardOpenid: string, communityId: string, period?: string): Promise<StatementDoc | undefined> {
  const where: Record<string, unknown> = { stewardOpenid, communityId }
  if (period) where.period = period
  const rows = must(await db.collection(ATTRIBUTION_COLLECTIONS.statements).where(where).orderBy('period', 'desc').limit(1).get()).data as StatementDoc[]
  return rows[0]
}

/** The entries of a statement (orders with their commission, reversals with the refund), a page at a time. */
export async function statementEntries(db: Db, statementId: string, offset: number, limit: number): Promise<{ entries: StatementEntry[]; hasMore: boolean }> {
  const rows = must(
    await db.collection(ATTRIBUTION_COLLECTIONS.ledger).where({ statementId }).orderBy('at', 'asc').skip(offset).limit(limit + 1).get(),
  ).data as LedgerDoc[]
  return { entries: rows.slice(0, limit).map(toEntry), hasMore: rows.length > limit }
}

/**
 * Commission not yet in a statement (frozen, or waiting for the next run): the steward's all-time totals
 * (a rollup kept with every accrual and reversal) minus what their final statements hold. Two reads,
 * however many entries are open.
 */
export async function unsettledOf(db: Db, stewardOpenid: string, communityId: string): Promise<{ accruedFen: number; reversedFen: number }> {
  const $ = db.command.aggregate
  const [totalRes, settledRes] = await Promise.all([
    db.collection(METRIC_COLLECTIONS.rollups).doc(rollupId('steward', ALL_TIME, stewardScopeKey(communityId, stewardOpenid))).get(),
    db
      .collection(ATTRIBUTION_COLLECTIONS.statements)
      .aggregate()
      .match({ stewardOpenid, communityId, status: 'final' })
      .group({ _id: null, accruedFen: $.sum('$accruedFen'), reversedFen: $.sum('$reversedFen') })
      .limit(1)
      .end(),
  ])
  const total = (must(totalRes).data as RollupDoc[])[0]
  const settled = (must(settledRes) as { data: { accruedFen: number; reversedFen: number }[] }).data[0]
  return {
    accruedFen: Math.max(0, (total?.commissionAccruedFen ?? 0) - (settled?.accruedFen ?? 0)),
    reversedFen: Math.max(0, (total?.commissionReversedFen ?? 0) - (settled?.reversedFen ?? 0)),
  }
}

/** Every statement of a community for a period (ops). */
export async function communityStatements(db: Db, communityId: string, period: string): Promise<StatementDoc[]> {
  return must(await db.collection(ATTRIBUTION_COLLECTIONS.statements).where({ communityId, period }).limit(1000).get()).data as StatementDoc[]
}
