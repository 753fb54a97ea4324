import type { Platform } from './platform'
import { isDuplicateKey, must } from './db-result'
import { addMonths, businessMonth } from './business-time'

/**
 * Monthly statements from a ledger (steward commission, merchant sales): one statement per party and
 * period, built the same way for every area so the crash and race guarantees are proved once.
 *
 * A party is named by the same fields on its ledger entries and on its statements (`{ merchantId }`,
 * `{ stewardOpenid, communityId }`). Each run is idempotent and resumable without state of its own:
 * 1. the open statement is created first (its id derives from period and party, so racing runs share it);
 * 2. every open entry available by the end of the period is claimed by ONE conditional multi-update, so no
 *    entry lands in two statements and a re-run claims nothing twice;
 * 3. the totals are read back from what carries the statement id (a crash between 2 and 4 loses nothing);
 * 4. the statement turns final by a conditional update from `open`: of racing runs exactly one reports it.
 * A balance below zero is not lost: it carries into the party's next statement.
 */

export type Party = Record<string, string>

/** What every statement carries besides its party fields and its own figures. */
export interface StatementBase {
  _id: string
  period: string
  status: 'open' | 'final'
  netFen: number
  /** Negative balance carried from the party's previous statement. */
  carryInFen: number
  payableFen: number
  carryOutFen: number
  createdAt: Date
  finalizedAt: Date | null
}

/** One ledger kind's sums (names as the book's `sums` declares) plus `n`, the number of entries. */
export type KindTotals<K extends string> = Record<K, number> & { n: number }

export interface StatementBook<Doc, Sum extends string, Figures extends { netFen: number }> {
  ledger: string
  statements: string
  /** The fields naming a party, on both ledger entries and statements. */
  partyFields: readonly string[]
  statementId(period: string, party: Party): string
  /** The statement as it is created, before any entry is claimed (status 'open', zero figures). */
  openStatement(id: string, period: string, party: Party, now: Date): Doc
  /** Per ledger `kind`, the sums the figures need: name → ledger field holding fen. */
  sums: Record<Sum, string>
  /** Fields a claimed entry gets besides `state: 'settled'` and its statement id. */
  claimStamp?(now: Date): Record<string, unknown>
  /** The statement's own figures from the claimed entries; `netFen` is the party's earnings of the period. */
  figures(of: (kind: string) => KindTotals<Sum>): Figures
  /**
   * What the period adds to the balance, when that is not all of `netFen` (a merchant's 分账 already paid
   * part of its earnings: the statement pays only the rest). Absent: `netFen`.
   */
  dueFen?(figures: Figures): number
}

/** What a statement turns into when it is finished. */
export type FinalFields<Figures> = Figures & { carryInFen: number; payableFen: number; carryOutFen: number; status: 'final'; finalizedAt: Date }

export interface StatementContext {
  platform: Platform
  now(): Date
}

export interface StatementRun<Doc> {
  /** Parties with something to settle (open entries or an unfinished statement). */
  parties: number
  /** The statements this run finished. */
  settled: Doc[]
  /** Parties whose statement another run had already finished. */
  alreadySettled: number
  /** Parties left for the next run because the time budget ran out. */
  remaining: number
}

/** A run's counts plus the sum of each named figure over the statements it finished (for the run's summary). */
export function runTotals<Doc, F extends keyof Doc & string>(run: StatementRun<Doc>, figures: readonly F[]): { settled: number; alreadySettled: number; remaining: number } & Record<F, number> {
  const sums = Object.fromEntries(figures.map((f) => [f, run.settled.reduce((sum, s) => sum + Number(s[f]), 0)])) as Record<F, number>
  return { settled: run.settled.length, alreadySettled: run.alreadySettled, remaining: run.remaining, ...sums }
}

/** The month a run without a period settles: the last one that has ended (Asia/Shanghai). */
export const lastClosedMonth = (now: Date) => addMonths(businessMonth(now), -1)

/** Stay well inside the function's timeout; what is left is finished by the next run. */
export const STATEMENT_TIME_BUDGET_MS = 40_000

const pick = (doc: Record<string, unknown>, fields: readonly string[]): Party => Object.fromEntries(fields.map((f) => [f, String(doc[f])]))
const keyOf = (party: Party, fields: readonly string[]) => fields.map((f) => party[f]).join('\u0001')

/** Every party with open entries available by the end of `period`, plus those whose statement a crash left open. */
async function partiesToSettle(ctx: StatementContext, book: Pick<StatementBook<unknown, string, { netFen: number }>, 'ledger' | 'statements' | 'partyFields'>, period: string): Promise<Party[]> {
  const db = ctx.platform.db
  const _ = db.command
  const groupId = Object.fromEntries(book.partyFields.map((f) => [f, `$${f}`]))
  const groups = must(await db.collection(book.ledger).aggregate().match({ state: 'open', availableMonth: _.lte(period) }).group({ _id: groupId }).limit(1000).end()) as {
    data: { _id: Record<string, unknown> }[]
  }
  const parties = groups.data.map((g) => pick(g._id, book.partyFields))
  // A run that crashed after claiming every entry left an open statement and no open entry: finish those too.
  const fields = Object.fromEntries(book.partyFields.map((f) => [f, true]))
  const unfinished = must(await db.collection(book.statements).where({ period, status: 'open' }).field(fields).limit(1000).get()).data as Record<string, unknown>[]
  const seen = new Set(parties.map((p) => keyOf(p, book.partyFields)))
  for (const doc of unfinished) {
    const party = pick(doc, book.partyFields)
    if (!seen.has(keyOf(party, book.partyFields))) parties.push(party)
  }
  return parties
}

/** Settle every party for `period` within the time budget. */
export async function runStatementPeriod<Doc, Sum extends string, Figures extends { netFen: number }>(
  ctx: StatementContext,
  book: StatementBook<Doc, Sum, Figures>,
  period: string,
  budgetMs = STATEMENT_TIME_BUDGET_MS,
): Promise<StatementRun<Doc & FinalFields<Figures>>> {
  const parties = await partiesToSettle(ctx, book, period)
  const run: StatementRun<Doc & FinalFields<Figures>> = { parties: parties.length, settled: [], alreadySettled: 0, remaining: 0 }
  const started = Date.now()
  for (const [i, party] of parties.entries()) {
    if (Date.now() - started > budgetMs) {
      run.remaining = parties.length - i
      break
    }
    const statement = await settleStatement(ctx, book, period, party)
    if (statement) run.settled.push(statement)
    else run.alreadySettled += 1
  }
  return run
}

/** One party's statement for `period`; null when it was already final (or another run finished it meanwhile). */
export async function settleStatement<Doc, Sum extends string, Figures extends { netFen: number }>(
  ctx: StatementContext,
  book: StatementBook<Doc, Sum, Figures>,
  period: string,
  party: Party,
): Promise<(Doc & FinalFields<Figures>) | null> {
  const db = ctx.platform.db
  const _ = db.command
  const now = ctx.now()
  const id = book.statementId(period, party)
  const existing = (must(await db.collection(book.statements).doc(id).get()).data as { status: 'open' | 'final'; createdAt: Date }[])[0]
  if (existing?.status === 'final') return null
  if (!existing) {
    try {
      must(await db.collection(book.statements).add(book.openStatement(id, period, party, now)))
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
    }
  }
  must(
    await db
      .collection(book.ledger)
      .where({ ...party, state: 'open', availableMonth: _.lte(period) })
      .update({ state: 'settled', statementId: id, ...book.claimStamp?.(now) }),
  )
  const of = await kindTotals(ctx, book, id)
  const previous = (must(await db.collection(book.statements).where({ ...party, status: 'final', period: _.lt(period) }).orderBy('period', 'desc').limit(1).get()).data as { carryOutFen: number }[])[0]
  const figures = book.figures(of)
  const carryInFen = previous?.carryOutFen ?? 0
  const balance = (book.dueFen ? book.dueFen(figures) : figures.netFen) + carryInFen
  const final = { ...figures, carryInFen, payableFen: Math.max(0, balance), carryOutFen: Math.min(0, balance), status: 'final' as const, finalizedAt: now }
  const res = must(await db.collection(book.statements).where({ _id: id, status: 'open' }).update(final))
  // Another run finished it meanwhile: that one counts.
  if (res.updated !== 1) return null
  return { _id: id, ...party, period, createdAt: existing?.createdAt ?? now, ...final } as unknown as Doc & FinalFields<Figures>
}

/** Sums of the entries claimed by statement `id`, per ledger kind (zero for a kind with no entry). */
async function kindTotals<Sum extends string>(ctx: StatementContext, book: Pick<StatementBook<unknown, Sum, { netFen: number }>, 'ledger' | 'sums'>, id: string) {
  const db = ctx.platform.db
  const $ = db.command.aggregate
  const names = Object.keys(book.sums) as Sum[]
  const sums = Object.fromEntries(names.map((name) => [name, $.sum(`$${book.sums[name]}`)]))
  const rows = must(await db.collection(book.ledger).aggregate().match({ statementId: id }).group({ _id: '$kind', ...sums, n: $.sum(1) }).limit(10).end()) as {
    data: ({ _id: string } & KindTotals<Sum>)[]
  }
  const zero = Object.fromEntries([...names, 'n'].map((name) => [name, 0])) as KindTotals<Sum>
  return (kind: string): KindTotals<Sum> => rows.data.find((r) => r._id === kind) ?? zero
}
