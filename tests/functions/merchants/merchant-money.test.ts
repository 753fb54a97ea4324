import { ATTRIBUTION_COLLECTIONS, type StatementDoc } from '../../../cloudfunctions/core/attribution/attribution.model'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { buyWithoutSharing, deliver, entries, fulfil, JIEJIA, ODD, OWNER, openMerchantWorld, refund, settleMerchants, split, statements, type MerchantWorld } from './merchants-test-kit'
import { orderDoc, SERVICE } from '../attribution/attribution-test-kit'
import { rid } from '../../support/test-platform'

const STEWARD = 'demo-steward'

/**
 * One order of ¥123.45 sold by 洁家家政 (扣点 8%) to the owner of 1栋1单元101, whose home steward 张敏 earns 5%.
 * Every figure is worked out by hand in the comments (docs/merchants.md has the same example). The orders
 * here are paid WITHOUT profit sharing, so the statement pays the merchant's whole share (no 分账 part);
 * merchant-statement-sharing.test.ts has the same order paid with profit sharing.
 */
describe('merchant money: split, refunds in thirds, statements and carry-over (merchants and stewards)', () => {
  let w: MerchantWorld
  let orderId: string
  const at = (iso: string) => w.clock.set(iso)
  beforeAll(async () => {
    w = await openMerchantWorld('2026-11-03T02:00:00.000Z')
  })
  afterAll(() => w.close())

  const stewardStatement = async (period: string) =>
    (must(await w.platform.db.collection(ATTRIBUTION_COLLECTIONS.statements).where({ stewardOpenid: STEWARD, period }).get()).data as StatementDoc[])[0]

  it('paid: the split is stored with the order — 11357 merchant, 988 扣点 of which 617 steward, 371 property', async () => {
    orderId = await buyWithoutSharing(w, OWNER.openid, OWNER.household, ODD, JIEJIA.id)
    expect(await orderDoc(w, orderId)).toMatchObject({ prepay: { profitSharing: false } })
    expect(await split(w, orderId)).toMatchObject({
      grossFen: 12345, rateBp: 800, stewardRateBp: 500, stewardOpenid: STEWARD,
      merchantFen: 11357, commissionFen: 988, stewardFen: 617, propertyNetFen: 371,
      seller: { kind: 'merchant', merchantId: JIEJIA.id, name: '洁家家政服务' }, month: '2026-11', saleRecorded: false,
    })
    expect(await entries(w, orderId)).toEqual([]) // not fulfilled yet: nothing owed to the merchant
  })

  it('the merchant marks it done → fulfilled: one sale entry, the steward accrues 617', async () => {
    at('2026-11-04T02:00:00.000Z')
    const done = await deliver(w, JIEJIA.staffOpenid, orderId)
    expect(done).toMatchObject({ ok: true, data: { order: { orderId, deliveredAt: '2026-11-04T02:00:00.000Z' } } })
    expect(await entries(w, orderId)).toEqual([expect.objectContaining({ kind: 'sale', grossFen: 12345, merchantFen: 11357, commissionFen: 988, availableMonth: '2026-11', state: 'open' })])
    const acc = must(await w.platform.db.collection(ATTRIBUTION_COLLECTIONS.ledger).doc(`acc-${orderId}`).get()).data[0]
    expect(acc).toMatchObject({ amountFen: 617, baseFen: 12345, rateBp: 500 })
  })

  it('two thirds refunded in November: 3785 + 3786 back from the merchant, 330 + 329 of 扣点', async () => {
    at('2026-11-06T02:00:00.000Z')
    await refund(w, orderId, 4115)
    at('2026-11-07T02:00:00.000Z')
    await refund(w, orderId, 4115)
    expect(await split(w, orderId)).toMatchObject({ refundedFen: 8230, refunded: { merchantFen: 7571, commissionFen: 659, stewardFen: 411, propertyNetFen: 248 } })
    const refunds = (await entries(w, orderId)).filter((e) => e.kind === 'refund')
    expect(refunds.map((e) => [e.grossFen, e.merchantFen, e.commissionFen, e.availableMonth])).toEqual([
      [4115, 3785, 330, '2026-11'],
      [4115, 3786, 329, '2026-11'],
    ])
  })

  it('November statement: 11357 − 7571 = 3786 payable, 扣点 988 − 659 = 329; run twice and at once → one statement', async () => {
    at('2026-12-01T02:00:00.000Z')
    expect(await w.console('merchants', { action: 'settle', period: '2026-12' })).toMatchObject({ ok: false, code: 'MERCHANT.PERIOD_OPEN' })
    const [a, b, timer] = await Promise.all([settleMerchants(w, '2026-11'), settleMerchants(w, '2026-11'), w.timer('merchants', 'monthlyStatements')])
    expect(a.settled + b.settled + (timer.ok ? (timer.data as any).settlement.settled : 0)).toBe(1)
    const [nov] = await statements(w, JIEJIA.id)
    expect(nov).toMatchObject({ period: '2026-11', status: 'final', saleCount: 1, refundCount: 2, salesFen: 12345, refundsFen: 8230, commissionFen: 329, netFen: 3786, viaSharingFen: 0, carryInFen: 0, payableFen: 3786, carryOutFen: 0 })
    expect(await statements(w, JIEJIA.id)).toHaveLength(1)
    // Steward 张敏: 617 accrued (free from Nov 11), 206 + 205 clawed back → 206 payable.
    await w.console('ops', { action: 'attributionSettle', requestId: rid('st'), period: '2026-11' })
    expect(await stewardStatement('2026-11')).toMatchObject({ accruedFen: 617, reversedFen: 411, netFen: 206, payableFen: 206, carryOutFen: 0 })
  })

  it('the last third refunded after both statements closed → deducted next month; balances below zero carry over', async () => {
    at('2026-12-05T02:00:00.000Z')
    await refund(w, orderId, 4115)
    const last = (await entries(w, orderId)).filter((e) => e.kind === 'refund')[2]
    expect(last).toMatchObject({ grossFen: 4115, merchantFen: 3786, commissionFen: 329, availableMonth: '2026-12', state: 'open' })
    at('2027-01-01T02:00:00.000Z')
    await settleMerchants(w, '2026-12')
    await w.console('ops', { action: 'attributionSettle', requestId: rid('st'), period: '2026-12' })
    const dec = (await statements(w, JIEJIA.id)).find((s) => s.period === '2026-12')
    // The merchant was paid 3786 for November; −3786 now: nothing payable, −3786 carried.
    expect(dec).toMatchObject({ saleCount: 0, refundCount: 1, netFen: -3786, commissionFen: -329, payableFen: 0, carryOutFen: -3786 })
    // The steward was paid 206 for November; the last third claws back 617 − 411 = 206.
    expect(await stewardStatement('2026-12')).toMatchObject({ accruedFen: 0, reversedFen: 206, netFen: -206, payableFen: 0, carryOutFen: -206 })
  })

  it('January: a new ¥88 sale (8% = 704, merchant 8096; steward 5% = 440) pays off the carried balances', async () => {
    at('2027-01-05T02:00:00.000Z')
    const next = await buyWithoutSharing(w, OWNER.openid, OWNER.household, SERVICE.cleaning, JIEJIA.id)
    await fulfil(w, next)
    expect(await split(w, next)).toMatchObject({ grossFen: 8800, merchantFen: 8096, commissionFen: 704, stewardFen: 440, propertyNetFen: 264 })
    at('2027-02-01T02:00:00.000Z')
    await settleMerchants(w, '2027-01')
    await w.console('ops', { action: 'attributionSettle', requestId: rid('st'), period: '2027-01' })
    // 8096 − 3786 = 4310 payable; steward 440 − 206 = 234.
    expect((await statements(w, JIEJIA.id)).find((s) => s.period === '2027-01')).toMatchObject({ netFen: 8096, carryInFen: -3786, payableFen: 4310, carryOutFen: 0 })
    expect(await stewardStatement('2027-01')).toMatchObject({ accruedFen: 440, netFen: 440, carryInFen: -206, payableFen: 234, carryOutFen: 0 })
  })
})
