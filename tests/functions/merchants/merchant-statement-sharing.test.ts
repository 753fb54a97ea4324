import { applyShareResult } from '../../../cloudfunctions/core/merchants/profit-sharing.service'
import { merchantReportCsv } from '../../../cloudfunctions/core/merchants/report-export.service'
import type { MerchantReportRow } from '../../../cloudfunctions/core/merchants/report.query'
import { orderDoc } from '../attribution/attribution-test-kit'
import { buy, buyWithoutSharing, COMMUNITY, deliver, entries, JIEJIA, ODD, OWNER, openMerchantWorld, refund, settleMerchants, shares, statements, type MerchantWorld } from './merchants-test-kit'

/**
 * The merchant's share of an order paid with profit sharing reaches the merchant once: by WeChat Pay 分账
 * after fulfilment, and NOT again on the monthly statement (docs/merchants.md, "What 分账 already paid").
 * The order: ¥123.45 = 12345 fen, 扣点 8% → 988, merchant 12345 − 988 = 11357 (steward 5% comes out of the 扣点).
 */
const hook = (w: MerchantWorld) => ({ platform: w.platform, now: () => w.clock.now() })

async function sweep(w: MerchantWorld) {
  const res = await w.timer('merchants', 'profitSharingReconcile')
  if (!res.ok) throw new Error(`sweep failed: ${res.code}`)
  return (res.data as { sharing: { submitted: number; finished: number; failed: number } }).sharing
}

async function report(w: MerchantWorld, month: string): Promise<MerchantReportRow> {
  const res = await w.console('merchants', { action: 'report', communityId: COMMUNITY, month })
  if (!res.ok) throw new Error(`report failed: ${res.code}`)
  return (res.data as { rows: MerchantReportRow[] }).rows.find((r) => r.merchantId === JIEJIA.id)!
}

/** The CSV row of 洁家家政 as ops download it: column → cell. */
function csvRow(row: MerchantReportRow): Record<string, string> {
  const [head, line] = merchantReportCsv([row]).replace('\ufeff', '').trim().split('\r\n')
  const cells = line.split(',')
  return Object.fromEntries(head.split(',').map((h, i) => [h, cells[i]]))
}

describe('(a) paid WITH profit sharing, fulfilled in November', () => {
  let w: MerchantWorld
  let orderId: string
  beforeAll(async () => {
    w = await openMerchantWorld('2026-11-03T02:00:00.000Z')
  })
  afterAll(() => w.close())

  it('the sale entry says 分账 carries the whole share (sharedFen 11357); 分账 pays 11357', async () => {
    orderId = await buy(w, OWNER.openid, OWNER.household, ODD)
    expect(await orderDoc(w, orderId)).toMatchObject({ prepay: { profitSharing: true } })
    w.clock.set('2026-11-04T02:00:00.000Z')
    await deliver(w, JIEJIA.staffOpenid, orderId)
    expect(await entries(w, orderId)).toEqual([expect.objectContaining({ kind: 'sale', merchantFen: 11357, sharedFen: 11357, returnedFen: 0, availableMonth: '2026-11' })])
    expect(await sweep(w)).toMatchObject({ submitted: 1, finished: 1 })
    expect(w.sharing.balanceOf(JIEJIA.account)).toBe(11357)
  })

  it('before the month closes the report already shows 0 to pay (11357 − 11357), and the CSV the same', async () => {
    const row = await report(w, '2026-11')
    expect(row).toMatchObject({ settled: false, viaSharingFen: 11357, netPayableFen: 0 })
    expect(csvRow(row)).toMatchObject({ '已通过分账(元)': '113.57', '应付净额(元)': '0.00' })
  })

  it('November statement: net 11357, via 分账 11357, payable 11357 − 11357 = 0, nothing carried', async () => {
    w.clock.set('2026-12-01T02:00:00.000Z')
    await settleMerchants(w, '2026-11')
    expect(await statements(w, JIEJIA.id)).toEqual([
      expect.objectContaining({ period: '2026-11', status: 'final', netFen: 11357, viaSharingFen: 11357, carryInFen: 0, payableFen: 0, carryOutFen: 0 }),
    ])
    // The settled report and its CSV show the statement's payable.
    const row = await report(w, '2026-11')
    expect(row).toMatchObject({ settled: true, viaSharingFen: 11357, netPayableFen: 0 })
    expect(csvRow(row)['应付净额(元)']).toBe('0.00')
    // What the merchant received in all: 11357 by 分账 + 0 by the statement = its share, once.
    expect(w.sharing.balanceOf(JIEJIA.account) + (await statements(w, JIEJIA.id))[0].payableFen).toBe(11357)
  })

  it('the merchant reads the same figures on its statements page', async () => {
    const res = await w.call('merchants', JIEJIA.staffOpenid, { action: 'statements' })
    expect(res).toMatchObject({ ok: true, data: { statements: [expect.objectContaining({ period: '2026-11', netFen: 11357, viaSharingFen: 11357, payableFen: 0 })] } })
  })
})

describe('(b) the same order paid WITHOUT profit sharing', () => {
  let w: MerchantWorld
  beforeAll(async () => {
    w = await openMerchantWorld('2026-11-03T02:00:00.000Z')
  })
  afterAll(() => w.close())

  it('no 分账 record, sharedFen 0; November statement: net 11357, via 分账 0, payable 11357', async () => {
    const orderId = await buyWithoutSharing(w, OWNER.openid, OWNER.household, ODD, JIEJIA.id)
    w.clock.set('2026-11-04T02:00:00.000Z')
    await deliver(w, JIEJIA.staffOpenid, orderId)
    expect(await entries(w, orderId)).toEqual([expect.objectContaining({ kind: 'sale', merchantFen: 11357, sharedFen: 0 })])
    expect(await shares(w, orderId)).toEqual([])
    await sweep(w)
    expect(w.sharing.balanceOf(JIEJIA.account)).toBe(0)
    w.clock.set('2026-12-01T02:00:00.000Z')
    await settleMerchants(w, '2026-11')
    expect(await statements(w, JIEJIA.id)).toEqual([expect.objectContaining({ period: '2026-11', netFen: 11357, viaSharingFen: 0, payableFen: 11357, carryOutFen: 0 })])
    const row = await report(w, '2026-11')
    expect(row).toMatchObject({ viaSharingFen: 0, netPayableFen: 11357 })
    expect(csvRow(row)['应付净额(元)']).toBe('113.57')
  })
})

describe('(c) WITH profit sharing, one third refunded after the split', () => {
  let w: MerchantWorld
  beforeAll(async () => {
    w = await openMerchantWorld('2026-11-03T02:00:00.000Z')
  })
  afterAll(() => w.close())

  it('return 3785 queued; net 11357 − 3785 = 7572, via 分账 11357 − 3785 = 7572, payable 0', async () => {
    const orderId = await buy(w, OWNER.openid, OWNER.household, ODD)
    w.clock.set('2026-11-04T02:00:00.000Z')
    await deliver(w, JIEJIA.staffOpenid, orderId)
    await sweep(w)
    w.clock.set('2026-11-06T02:00:00.000Z')
    await refund(w, orderId, 4115)
    expect((await entries(w, orderId)).find((e) => e.kind === 'refund')).toMatchObject({ merchantFen: 3785, returnedFen: 3785, sharedFen: 0 })
    await sweep(w)
    expect((await shares(w, orderId)).find((s) => s.kind === 'return')).toMatchObject({ amountFen: 3785, state: 'finished' })
    expect(w.sharing.balanceOf(JIEJIA.account)).toBe(7572)
    w.clock.set('2026-12-01T02:00:00.000Z')
    await settleMerchants(w, '2026-11')
    expect(await statements(w, JIEJIA.id)).toEqual([expect.objectContaining({ netFen: 7572, viaSharingFen: 7572, payableFen: 0, carryOutFen: 0 })])
  })
})

describe('(d) the split ends failed (the merchant account refuses the money) after November was settled', () => {
  let w: MerchantWorld
  let orderId: string
  beforeAll(async () => {
    w = await openMerchantWorld('2026-11-03T02:00:00.000Z')
  })
  afterAll(() => w.close())

  it('November: split still processing → statement counts it as paid by 分账: payable 0', async () => {
    orderId = await buy(w, OWNER.openid, OWNER.household, ODD)
    w.clock.set('2026-11-04T02:00:00.000Z')
    await deliver(w, JIEJIA.staffOpenid, orderId)
    w.sharing.finishAfterQueries = 1
    expect(await sweep(w)).toMatchObject({ submitted: 1, finished: 0 })
    w.clock.set('2026-12-01T02:00:00.000Z')
    await settleMerchants(w, '2026-11')
    expect(await statements(w, JIEJIA.id)).toEqual([expect.objectContaining({ period: '2026-11', netFen: 11357, viaSharingFen: 11357, payableFen: 0 })])
  })

  it('WeChat ends the split CLOSED on 2 December → one unshared entry of −11357 in December, however often it is replayed', async () => {
    w.clock.set('2026-12-02T02:00:00.000Z')
    w.sharing.closedAccounts.add(JIEJIA.account)
    expect(await sweep(w)).toMatchObject({ failed: 1 })
    expect(w.sharing.balanceOf(JIEJIA.account)).toBe(0)
    // Replays: the timer again, and the final answer delivered twice more at once.
    await sweep(w)
    const ps = `ps-${orderId}`
    expect(await Promise.all([applyShareResult(hook(w), ps, 'failed', null, 'ACCOUNT_ABNORMAL'), applyShareResult(hook(w), ps, 'failed', null, 'ACCOUNT_ABNORMAL')])).toEqual([false, false])
    const undone = (await entries(w, orderId)).filter((e) => e.kind === 'unshared')
    expect(undone).toEqual([expect.objectContaining({ _id: `psx-${ps}`, shareId: ps, sharedFen: -11357, returnedFen: 0, merchantFen: 0, grossFen: 0, availableMonth: '2026-12', state: 'open' })])
  })

  it('December statement pays it: net 0, via 分账 −11357, payable 0 − (−11357) = 11357 — once, also when run twice', async () => {
    w.clock.set('2027-01-01T02:00:00.000Z')
    await Promise.all([settleMerchants(w, '2026-12'), settleMerchants(w, '2026-12')])
    await settleMerchants(w, '2026-12')
    const all = await statements(w, JIEJIA.id)
    expect(all).toHaveLength(2)
    expect(all[1]).toMatchObject({ period: '2026-12', saleCount: 0, refundCount: 0, netFen: 0, viaSharingFen: -11357, carryInFen: 0, payableFen: 11357, carryOutFen: 0 })
    // In all the merchant got its share once: 0 by 分账, 0 + 11357 by the statements.
    expect(w.sharing.balanceOf(JIEJIA.account) + all.reduce((sum, s) => sum + s.payableFen, 0)).toBe(11357)
    // January has nothing left to pay for this order.
    w.clock.set('2027-02-01T02:00:00.000Z')
    expect(await settleMerchants(w, '2027-01')).toMatchObject({ settled: 0 })
  })
})

describe('(d′) the split fails while a refund’s return waits for it', () => {
  let w: MerchantWorld
  beforeAll(async () => {
    w = await openMerchantWorld('2026-11-03T02:00:00.000Z')
  })
  afterAll(() => w.close())

  it('the return is closed without a call (nothing to take back): −11357 and +3785 compensations; the statement pays the net 3786', async () => {
    const orderId = await buy(w, OWNER.openid, OWNER.household, ODD)
    w.clock.set('2026-11-04T02:00:00.000Z')
    await deliver(w, JIEJIA.staffOpenid, orderId)
    w.sharing.finishAfterQueries = 1
    await sweep(w) // split processing
    w.clock.set('2026-11-06T02:00:00.000Z')
    await refund(w, orderId, 4115) // return of 3785 queued, waits for the split
    w.sharing.closedAccounts.add(JIEJIA.account)
    await sweep(w) // the split ends CLOSED
    await sweep(w) // the waiting return is closed: its split never paid
    await sweep(w)
    expect(w.sharing.requests.filter((r) => r.api === 'createReturn')).toEqual([])
    expect((await shares(w, orderId)).map((s) => [s.kind, s.state, s.amountFen]).sort()).toEqual([
      ['return', 'failed', 3785],
      ['split', 'failed', 11357],
    ])
    const undone = (await entries(w, orderId)).filter((e) => e.kind === 'unshared').map((e) => [e.sharedFen, e.returnedFen]).sort()
    expect(undone).toEqual([
      [-11357, 0],
      [0, -3785],
    ])
    // A later refund of the same order queues no return at all (returnedFen 0): the split never paid.
    w.clock.set('2026-11-08T02:00:00.000Z')
    await refund(w, orderId, 4115)
    expect((await entries(w, orderId)).filter((e) => e.kind === 'refund').map((e) => [e.merchantFen, e.returnedFen])).toEqual([
      [3785, 3785],
      [3786, 0],
    ])
    // net 11357 − 3785 − 3786 = 3786; via 分账 11357 − 3785 − 0 − 11357 + 3785 = 0 → payable 3786.
    w.clock.set('2026-12-01T02:00:00.000Z')
    await settleMerchants(w, '2026-11')
    expect(await statements(w, JIEJIA.id)).toEqual([expect.objectContaining({ netFen: 3786, viaSharingFen: 0, payableFen: 3786 })])
  })
})
