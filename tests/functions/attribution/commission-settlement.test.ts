import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { ATTRIBUTION_COLLECTIONS, type StatementDoc } from '../../../cloudfunctions/core/attribution/attribution.model'
import { A, COMMUNITY, SERVICE, bind, buy, fulfil, hh, ledger, openAttributionWorld, refund, report, rowOf, settle, statementOf, type AttributionWorld } from './attribution-test-kit'

/**
 * One resident of steward A's grid (home steward A, no touches), services at the default 3% commission,
 * refund (freeze) period 7 days. Every figure below is worked out by hand in the comments.
 */
describe('commission: accrual on fulfilment, freeze, proportional reversal, monthly statements', () => {
  let w: AttributionWorld
  const home = hh(1, 1, 3, 1)
  const at = (iso: string) => w.clock.set(iso)
  beforeAll(async () => {
    w = await openAttributionWorld('2026-11-03T02:00:00.000Z')
    await bind(w, 'res-c', home, new Date('2026-10-01T00:00:00.000Z'))
  })
  afterAll(() => w.close())

  let cleaning: string
  let ac: string
  let pipe: string

  it('accrues rate × paid when fulfilled, not before; a partial refund reverses its share', async () => {
    cleaning = await buy(w, 'res-c', home, SERVICE.cleaning) // Nov 3, 8800
    expect(await ledger(w, cleaning)).toEqual([]) // paid, not fulfilled: nothing accrued
    at('2026-11-04T02:00:00.000Z')
    await fulfil(w, cleaning) // 8800 × 3% = 264, frozen until Nov 11
    expect(await ledger(w, cleaning)).toEqual([
      expect.objectContaining({ kind: 'accrual', stewardOpenid: A.openid, amountFen: 264, baseFen: 8800, rateBp: 300, availableMonth: '2026-11', state: 'open' }),
    ])

    at('2026-11-05T02:00:00.000Z')
    ac = await buy(w, 'res-c', home, SERVICE.ac) // 12000
    await fulfil(w, ac) // 12000 × 3% = 360
    at('2026-11-08T02:00:00.000Z')
    await refund(w, ac, 3000) // 3000 / 12000 of 360 = 90 back
    const acEntries = await ledger(w, ac)
    expect(acEntries.find((e) => e.kind === 'accrual')).toMatchObject({ amountFen: 360, reversedFen: 90 })
    expect(acEntries.find((e) => e.kind === 'reversal')).toMatchObject({ amountFen: 90, refundFen: 3000, availableMonth: '2026-11' })

    at('2026-11-28T02:00:00.000Z')
    pipe = await buy(w, 'res-c', home, SERVICE.pipe) // 6000
    await fulfil(w, pipe) // 180, frozen until Dec 5: not in November's statement
    expect((await ledger(w, pipe))[0]).toMatchObject({ amountFen: 180, availableMonth: '2026-12' })
  })

  it('settles November once: accruals whose freeze ended and the reversal, not the frozen one; a second run changes nothing', async () => {
    at('2026-12-01T02:00:00.000Z')
    // A still-running month cannot be settled.
    expect(await w.console('ops', { action: 'attributionSettle', requestId: 'settle-open-month', period: '2026-12' })).toMatchObject({ ok: false, code: 'ATTRIBUTION.PERIOD_OPEN' })
    const first = await settle(w, '2026-11')
    // 264 + 360 accrued, 90 reversed → 534 payable.
    expect(first).toEqual({ period: '2026-11', stewards: 1, settled: 1, alreadySettled: 0, accrualCount: 2, reversalCount: 1, accruedFen: 624, reversedFen: 90, payableFen: 534, remaining: 0 })
    const statementDocs = () => must(w.platform.db.collection(ATTRIBUTION_COLLECTIONS.statements).where({ stewardOpenid: A.openid }).get()).then((r) => must(r).data as StatementDoc[])
    const snapshot = await statementDocs()

    // The timer runs the same job for the last closed month (November) — twice, and at once with the ops event.
    const [timer1, timer2, ops] = await Promise.all([w.timer('attribution', 'monthlySettlement'), w.timer('attribution', 'monthlySettlement'), settle(w, '2026-11')])
    for (const run of [timer1, timer2]) expect(run).toMatchObject({ ok: true, data: { settlement: { period: '2026-11', settled: 0 } } })
    expect(ops).toMatchObject({ settled: 0, accruedFen: 0 })
    expect(await statementDocs()).toEqual(snapshot)

    const mine = await statementOf(w, A.openid, '2026-11')
    expect(mine.statement).toMatchObject({ period: '2026-11', status: 'final', accrualCount: 2, reversalCount: 1, accruedFen: 624, reversedFen: 90, netFen: 534, carryInFen: 0, payableFen: 534, carryOutFen: 0 })
    expect(mine.entries.map((e: { kind: string; orderId: string; amountFen: number }) => [e.kind, e.orderId, e.amountFen])).toEqual([
      ['accrual', cleaning, 264],
      ['accrual', ac, 360],
      ['reversal', ac, 90],
    ])
  })

  it('a refund after settlement is clawed back in the next statement; the negative balance carries over', async () => {
    at('2026-12-03T02:00:00.000Z')
    await refund(w, cleaning) // all 8800: the settled 264 comes back
    at('2026-12-10T02:00:00.000Z')
    await refund(w, ac) // the other 9000: all of the AC order is refunded → the rest of 360, i.e. 270
    expect((await ledger(w, ac)).filter((e) => e.kind === 'reversal').map((e) => e.amountFen).sort((x, y) => x - y)).toEqual([90, 270])

    at('2027-01-01T02:00:00.000Z')
    // December: pipe's 180 accrued; 264 + 270 reversed → net −354, nothing payable, −354 carried.
    expect(await settle(w, '2026-12')).toMatchObject({ settled: 1, accrualCount: 1, reversalCount: 2, accruedFen: 180, reversedFen: 534, payableFen: 0 })
    expect((await statementOf(w, A.openid, '2026-12')).statement).toMatchObject({ netFen: -354, carryInFen: 0, payableFen: 0, carryOutFen: -354 })

    at('2027-01-02T02:00:00.000Z')
    const january = await buy(w, 'res-c', home, SERVICE.cleaning)
    await fulfil(w, january) // 264, free from Jan 9
    at('2027-02-01T02:00:00.000Z')
    // Two runs at once (timer and ops): one statement, each entry in it once.
    const runs = await Promise.all([settle(w, '2027-01'), settle(w, '2027-01')])
    expect(runs.map((r) => r.settled).sort()).toEqual([0, 1])
    expect(runs.find((r) => r.settled === 1)).toMatchObject({ accrualCount: 1, accruedFen: 264, payableFen: 0 })
    // −354 + 264 = −90: still owed, carried again.
    expect((await statementOf(w, A.openid)).statement).toMatchObject({ period: '2027-01', netFen: 264, carryInFen: -354, payableFen: 0, carryOutFen: -90 })
  })

  it('the monthly figures carry the same commission and refunds (by month of fulfilment / refund)', async () => {
    // November: 264 + 360 + 180 accrued, 90 reversed; refunds 3000. December: 534 reversed; refunds 8800 + 9000.
    expect(rowOf(await report(w, '2026-11'), 'steward', A.openid)).toMatchObject({ orders: 3, gmvFen: 26800, refundFen: 3000, commissionAccruedFen: 804, commissionReversedFen: 90, commissionNetFen: 714 })
    expect(rowOf(await report(w, '2026-12'), 'steward', A.openid)).toMatchObject({ orders: 0, refundFen: 17800, commissionAccruedFen: 0, commissionReversedFen: 534, commissionNetFen: -534 })
    expect(rowOf(await report(w, '2026-12'), 'community', COMMUNITY)).toMatchObject({ refundFen: 17800, commissionNetFen: -534 })
  })
})
