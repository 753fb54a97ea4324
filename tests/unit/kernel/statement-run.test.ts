import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { runStatementPeriod, type StatementBase, type StatementBook } from '../../../cloudfunctions/core/kernel/statement-run'
import { createTestWorld, type TestWorld } from '../../support/test-platform'

/**
 * The kernel's statement run on a ledger of its own (no area involved): a party named by two fields,
 * credits and debits. The steward and merchant settlements are built on it; their own tests
 * (tests/functions/attribution, tests/functions/merchants) show it with real orders.
 */
const LEDGER = 'kt_ledger'
const STATEMENTS = 'kt_statements'

type TestStatement = StatementBase & { ownerId: string; siteId: string; credits: number; debits: number }

const BOOK: StatementBook<TestStatement, 'fen', { credits: number; debits: number; netFen: number }> = {
  ledger: LEDGER,
  statements: STATEMENTS,
  partyFields: ['ownerId', 'siteId'],
  statementId: (period, p) => `st_${period}_${p.ownerId}_${p.siteId}`,
  openStatement: (_id, period, p, now) => ({ _id, ownerId: p.ownerId, siteId: p.siteId, period, status: 'open', credits: 0, debits: 0, netFen: 0, carryInFen: 0, payableFen: 0, carryOutFen: 0, createdAt: now, finalizedAt: null }),
  sums: { fen: 'amountFen' },
  claimStamp: (now) => ({ claimedAt: now }),
  figures: (of) => ({ credits: of('credit').n, debits: of('debit').n, netFen: of('credit').fen - of('debit').fen }),
}

let seq = 0
async function entry(w: TestWorld, ownerId: string, siteId: string, kind: 'credit' | 'debit', amountFen: number, availableMonth: string) {
  must(await w.platform.db.collection(LEDGER).add({ _id: `e${++seq}`, ownerId, siteId, kind, amountFen, availableMonth, state: 'open', statementId: null }))
}
const ctxOf = (w: TestWorld) => ({ platform: w.platform, now: () => w.clock.now() })
const statements = async (w: TestWorld) => must(await w.platform.db.collection(STATEMENTS).limit(1000).get()).data as TestStatement[]
const ledger = async (w: TestWorld) => must(await w.platform.db.collection(LEDGER).limit(1000).get()).data as { state: string; statementId: string | null; claimedAt?: Date }[]

/** Three parties: two sites of one owner (kept apart) and a second owner, with an entry of a later month. */
async function seedNovember(w: TestWorld) {
  await entry(w, 'o1', 's1', 'credit', 1000, '2026-11')
  await entry(w, 'o1', 's1', 'credit', 250, '2026-10')
  await entry(w, 'o1', 's1', 'debit', 300, '2026-11')
  await entry(w, 'o1', 's2', 'credit', 700, '2026-11')
  await entry(w, 'o2', 's1', 'debit', 400, '2026-11')
  await entry(w, 'o1', 's1', 'credit', 9999, '2026-12') // not yet available: stays open
}
const NOVEMBER = {
  o1s1: { credits: 2, debits: 1, netFen: 950, payableFen: 950, carryOutFen: 0 },
  o1s2: { credits: 1, debits: 0, netFen: 700, payableFen: 700, carryOutFen: 0 },
  o2s1: { credits: 0, debits: 1, netFen: -400, payableFen: 0, carryOutFen: -400 },
}
const byParty = (rows: TestStatement[]) => Object.fromEntries(rows.map((s) => [`${s.ownerId}${s.siteId}`, s]))

describe('kernel statement run: claim the entries, then finish or resume the open statement', () => {
  let w: TestWorld
  beforeEach(async () => {
    w = await createTestWorld({ clockAt: '2026-12-03T02:00:00Z' })
  })
  afterEach(() => w.close())

  it('one statement per party with its own entries; the later month stays open; a second run finds nothing', async () => {
    await seedNovember(w)
    const run = await runStatementPeriod(ctxOf(w), BOOK, '2026-11')
    expect(run).toMatchObject({ parties: 3, alreadySettled: 0, remaining: 0 })
    expect(byParty(run.settled)).toMatchObject(NOVEMBER)
    expect(byParty(await statements(w))).toMatchObject(Object.fromEntries(Object.entries(NOVEMBER).map(([k, v]) => [k, { ...v, status: 'final' }])))
    const rows = await ledger(w)
    expect(rows.filter((e) => e.state === 'open')).toHaveLength(1)
    expect(rows.filter((e) => e.state === 'settled').every((e) => e.statementId && e.claimedAt instanceof Date)).toBe(true)
    expect(await runStatementPeriod(ctxOf(w), BOOK, '2026-11')).toEqual({ parties: 0, settled: [], alreadySettled: 0, remaining: 0 })
  })

  it('a crash at any database call of a run is finished by the next run, with the same figures', async () => {
    // Count the calls of one clean run, then crash a fresh world at each of them in turn.
    await seedNovember(w)
    const engine = () => w.platform.local.engine
    engine().resetCallCount()
    await runStatementPeriod(ctxOf(w), BOOK, '2026-11')
    const calls = engine().callCount
    expect(calls).toBeGreaterThan(10)
    for (let n = 1; n <= calls; n++) {
      w.close()
      w = await createTestWorld({ clockAt: '2026-12-03T02:00:00Z' })
      await seedNovember(w)
      engine().resetCallCount()
      engine().faultHook = (_action, _params, call) => {
        if (call === n) throw new Error('injected crash')
      }
      await expect(runStatementPeriod(ctxOf(w), BOOK, '2026-11')).rejects.toThrow('injected crash')
      engine().faultHook = undefined
      const resumed = await runStatementPeriod(ctxOf(w), BOOK, '2026-11')
      const finals = await statements(w)
      expect({ n, statuses: finals.map((s) => s.status) }).toEqual({ n, statuses: ['final', 'final', 'final'] })
      expect(byParty(finals)).toMatchObject(NOVEMBER)
      // Whatever the crash finished itself is not reported again; the rest is.
      expect(resumed.settled.length).toBeLessThanOrEqual(3)
      expect((await ledger(w)).filter((e) => e.state === 'open')).toHaveLength(1)
    }
  })

  it('concurrent runs report each statement exactly once', async () => {
    await seedNovember(w)
    const runs = await Promise.all([1, 2, 3, 4].map(() => runStatementPeriod(ctxOf(w), BOOK, '2026-11')))
    const reported = runs.flatMap((r) => r.settled.map((s) => `${s.ownerId}${s.siteId}`)).sort()
    expect(reported).toEqual(['o1s1', 'o1s2', 'o2s1'])
    expect(byParty(await statements(w))).toMatchObject(NOVEMBER)
  })

  it('a negative balance carries into the next statement; the run out of budget leaves the rest for later', async () => {
    await seedNovember(w)
    await runStatementPeriod(ctxOf(w), BOOK, '2026-11')
    await entry(w, 'o2', 's1', 'credit', 150, '2026-12')
    await entry(w, 'o2', 's1', 'credit', 600, '2027-01')
    w.clock.set('2027-02-02T02:00:00Z')
    const december = await runStatementPeriod(ctxOf(w), BOOK, '2026-12', -1)
    expect(december).toMatchObject({ parties: 2, settled: [], remaining: 2 })
    const resumed = await runStatementPeriod(ctxOf(w), BOOK, '2026-12')
    expect(byParty(resumed.settled)).toMatchObject({
      o2s1: { netFen: 150, carryInFen: -400, payableFen: 0, carryOutFen: -250 },
      o1s1: { netFen: 9999, carryInFen: 0, payableFen: 9999 },
    })
    const january = await runStatementPeriod(ctxOf(w), BOOK, '2027-01')
    expect(byParty(january.settled)).toEqual({ o2s1: expect.objectContaining({ netFen: 600, carryInFen: -250, payableFen: 350, carryOutFen: 0 }) })
  })
  it('a book whose `dueFen` pays only part of `netFen` (paid elsewhere): the balance and carry follow dueFen, netFen is kept', async () => {
    // Each credit carries `elsewhereFen`, the part already paid another way (as 分账 pays a merchant).
    type Paid = { credits: number; debits: number; netFen: number; elsewhereFen: number }
    const PAID: StatementBook<TestStatement & { elsewhereFen: number }, 'fen' | 'elsewhere', Paid> = {
      ...BOOK,
      openStatement: (...args) => ({ ...BOOK.openStatement(...args), elsewhereFen: 0 }),
      sums: { fen: 'amountFen', elsewhere: 'elsewhereFen' },
      figures: (of) => ({ credits: of('credit').n, debits: of('debit').n, netFen: of('credit').fen - of('debit').fen, elsewhereFen: of('credit').elsewhere }),
      dueFen: (f) => f.netFen - f.elsewhereFen,
    }
    const add = async (kind: 'credit' | 'debit', amountFen: number, elsewhereFen: number, availableMonth: string) =>
      must(await w.platform.db.collection(LEDGER).add({ _id: `p${++seq}`, ownerId: 'o9', siteId: 's1', kind, amountFen, elsewhereFen, availableMonth, state: 'open', statementId: null }))
    await add('credit', 1000, 1000, '2026-11') // wholly paid elsewhere
    await add('credit', 500, 0, '2026-11')
    await add('debit', 700, 0, '2026-11')
    const nov = await runStatementPeriod(ctxOf(w), PAID, '2026-11')
    // net 1000 + 500 − 700 = 800; due 800 − 1000 = −200 → payable 0, carried −200.
    expect(nov.settled).toEqual([expect.objectContaining({ netFen: 800, elsewhereFen: 1000, payableFen: 0, carryOutFen: -200 })])
    await add('credit', 900, 0, '2026-12')
    w.clock.set('2027-01-02T02:00:00Z')
    const dec = await runStatementPeriod(ctxOf(w), PAID, '2026-12')
    expect(dec.settled).toEqual([expect.objectContaining({ netFen: 900, elsewhereFen: 0, carryInFen: -200, payableFen: 700, carryOutFen: 0 })])
  })
})
