import type { Db } from '@cloudbase/database'
import type { Clock, Logger } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from '../households'
import { EPOCH, FEE_COLLECTIONS, type BillDoc, type BillRunDoc, type BillRunFailure, type FeeItemDoc, type MeterReadingDoc } from './fee.model'
import { billIdFor, readingIdFor } from './fee-ids'
import { itemApplies, principalFor, type BillHousehold } from './fee-item.rules'
import { dueDateOf } from './period'
import { insertMissing } from './idempotent-insert'
import { claimLease, ensureRun, LEASE_MARGIN_MS, loadRun, releaseLease, restartRun, saveProgress } from './bill-run.store'

/** What a bill run needs of the platform (callers without a full platform, such as seeders, pass a plain object). */
export interface BillRunDeps {
  db: Db
  clock: Clock
  logger: Pick<Logger, 'info' | 'warn'>
}

export interface BillRunOptions {
  /** Wall-clock work budget of this invocation; keep it well inside the function's time limit. */
  budgetMs?: number
  /** Households per chunk: one read, one or two batch inserts and one progress write each. */
  chunkHouseholds?: number
  /** Stop after this many chunks (tests use it to interrupt a run on purpose). */
  maxChunks?: number
}

export const DEFAULT_BUDGET_MS = 40_000
const MAX_FAILURES_KEPT = 100

export interface BillRunResult {
  run: BillRunDoc
  busy: boolean
}

/**
 * Creates (or continues) the bills of a period for one community, chunk by chunk, until done or out of
 * budget; call again to continue. Safe to run twice at once (a lease keeps one runner; even two runners
 * would only collide on bill ids) and to kill at any point (progress lags the bills, so a resumed chunk
 * finds its bills and counts them as existing).
 */
export async function runBillsFor(deps: BillRunDeps, communityId: string, period: string, restart: boolean, options: BillRunOptions = {}): Promise<BillRunResult> {
  const { db, clock } = deps
  const started = Date.now()
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS
  const existing = restart ? await loadRun(db, communityId, period) : undefined
  let run = existing ? await restartRun(db, existing, clock.now()) : await ensureRun(db, communityId, period, clock.now())
  if (!run) return { run: existing!, busy: true }
  if (run.status === 'done') return { run, busy: false }
  const token = await claimLease(db, run, clock.now(), budgetMs + LEASE_MARGIN_MS)
  if (!token) return { run, busy: true }
  let chunks = 0
  try {
    while (run.status === 'running' && Date.now() - started < budgetMs && (options.maxChunks === undefined || chunks < options.maxChunks)) {
      const next = await processChunk(deps, run, token, options.chunkHouseholds ?? 500)
      if (!next) return { run, busy: true }
      run = next
      chunks++
    }
  } finally {
    if (run.status === 'running') await releaseLease(db, run._id, token).catch(() => undefined)
  }
  if (run.status === 'done') deps.logger.info('fees.bill_run_done', { communityId, period, total: run.total, created: run.billsCreated, existing: run.billsExisting, failed: run.failed })
  return { run, busy: false }
}

/** One chunk: the next households of the current building (or the next building), their bills, the progress. */
async function processChunk(deps: BillRunDeps, run: BillRunDoc, token: string, size: number): Promise<BillRunDoc | null> {
  const { db, clock } = deps
  const _ = db.command
  let { building, afterHouseholdId } = run.cursor
  let households: BillHousehold[] = []
  while (building < run.buildingIds.length) {
    households = must(
      await db
        .collection(COLLECTIONS.households)
        .where({ buildingId: run.buildingIds[building], communityId: run.communityId, _id: _.gt(afterHouseholdId) })
        .orderBy('_id', 'asc')
        .limit(size)
        .field({ buildingId: true, areaM2: true, building: true, unit: true, room: true })
        .get(),
    ).data as BillHousehold[]
    if (households.length > 0) break
    building++
    afterHouseholdId = ''
  }
  const now = clock.now()
  if (households.length === 0) {
    const patch = { status: 'done', cursor: _.set({ building, afterHouseholdId: '' }), finishedAt: now, updatedAt: now, leaseToken: null, leaseUntil: EPOCH }
    if (!(await saveProgress(db, run._id, token, patch))) return null
    return { ...run, status: 'done', cursor: { building, afterHouseholdId: '' }, finishedAt: now, updatedAt: now }
  }

  const readings = await readingsFor(db, run, households)
  const bills: BillDoc[] = []
  const failures: BillRunFailure[] = []
  for (const h of households) {
    const reasons: string[] = []
    for (const item of run.items) {
      if (!itemApplies(item, h, run.period)) continue
      const calc = principalFor(item, h, readings.get(readingIdFor(item._id, h._id, run.period)))
      if (!calc.ok) reasons.push(calc.reason)
      else if (calc.principalFen > 0) bills.push(newBill(run, item, h, calc.principalFen, calc.detail, now))
    }
    if (reasons.length) failures.push({ householdId: h._id, label: `${h.building}${h.unit}${h.room}`, reason: reasons.join('；') })
  }
  // A re-scan or a resumed run mostly finds its bills in place: look before inserting.
  const { created, existing } = await insertMissing(db, FEE_COLLECTIONS.bills, bills, { checkFirst: run.rescan || run.billsExisting > 0 })
  const cursor = { building, afterHouseholdId: households[households.length - 1]._id }
  const kept = failures.slice(0, Math.max(0, MAX_FAILURES_KEPT - run.failures.length))
  const patch: Record<string, unknown> = {
    cursor: _.set(cursor),
    done: _.inc(households.length),
    failed: _.inc(failures.length),
    billsCreated: _.inc(created),
    billsExisting: _.inc(existing),
    updatedAt: now,
  }
  if (kept.length) patch.failures = _.push(kept)
  if (!(await saveProgress(db, run._id, token, patch))) return null
  return {
    ...run,
    cursor,
    done: run.done + households.length,
    failed: run.failed + failures.length,
    billsCreated: run.billsCreated + created,
    billsExisting: run.billsExisting + existing,
    failures: [...run.failures, ...kept],
    updatedAt: now,
  }
}

/** Readings of this chunk's households for the run's metered items, by their derived ids (index lookups). */
async function readingsFor(db: Db, run: BillRunDoc, households: BillHousehold[]): Promise<Map<string, MeterReadingDoc>> {
  const out = new Map<string, MeterReadingDoc>()
  const _ = db.command
  for (const item of run.items.filter((i) => i.kind === 'metered')) {
    const ids = households.map((h) => readingIdFor(item._id, h._id, run.period))
    for (let i = 0; i < ids.length; i += 500) {
      const docs = must(await db.collection(FEE_COLLECTIONS.readings).where({ _id: _.in(ids.slice(i, i + 500)) }).limit(500).get()).data as MeterReadingDoc[]
      for (const d of docs) out.set(d._id, d)
    }
  }
  return out
}

export function newBill(run: Pick<BillRunDoc, '_id' | 'communityId' | 'period'>, item: FeeItemDoc, h: BillHousehold, principalFen: number, detail: string, now: Date): BillDoc {
  return {
    _id: billIdFor(h._id, item._id, run.period),
    communityId: run.communityId,
    buildingId: h.buildingId,
    householdId: h._id,
    itemId: item._id,
    itemName: item.name,
    kind: item.kind,
    period: run.period,
    dueDate: dueDateOf(run.period, item.dueDay),
    principalFen,
    detail,
    lateFee: item.lateFee,
    status: 'unpaid',
    lockOrderId: null,
    lockUntil: EPOCH,
    paidOrderId: null,
    paidAt: null,
    payerOpenid: null,
    paidFen: 0,
    paidLateFeeFen: 0,
    invoiceId: null,
    remindableAt: EPOCH,
    remindedAt: null,
    reminderCount: 0,
    paidAfterReminder: false,
    runId: run._id,
    createdAt: now,
    updatedAt: now,
  }
}
