import { dumpDatabase, rid } from '../../support/test-platform'
import { addResidents, closeAfterDeadline, createCampaign, entry, openGroupbuyWorld, order, paidOrder, STEWARD, type GroupbuyWorld } from './groupbuy-test-kit'

describe('groupbuy: pickup', () => {
  let w: GroupbuyWorld
  let people: { openid: string; householdId: string }[]
  let orderId: string
  let code: string
  beforeEach(async () => {
    w = await openGroupbuyWorld()
    people = await addResidents(w, 2)
    const { campaignId, skuIds } = await createCampaign(w, { minParticipants: 1 })
    orderId = await paidOrder(w, people[0].openid, people[0].householdId, campaignId, skuIds[0], 2)
    await closeAfterDeadline(w)
    code = (await entry(w, orderId))!.pickupCode!
  })
  afterEach(() => w.close())

  const redeem = (openid: string, c: string) => w.call('groupbuy', openid, { action: 'redeemPickup', requestId: rid('pickup'), code: c })

  /** Fulfilment waits out the 3-minute undo window; the minute timer then fulfils. */
  const afterUndoWindow = async () => {
    w.clock.advance(3 * 60_000)
    await w.timer('groupbuy', 'closeDue')
  }

  it('the steward redeems a code (typed with spaces, or scanned as GB:<code>): the order is fulfilled once the undo window has passed', async () => {
    const res = await redeem(STEWARD, `${code.slice(0, 4)} ${code.slice(4)}`)
    expect(res).toMatchObject({ ok: true, data: { orderId, lines: [{ quantity: 2 }], householdLabel: expect.stringContaining('阳光花园') } })
    expect(await entry(w, orderId)).toMatchObject({ stage: 'picked_up', pickedUpBy: STEWARD })
    expect(await order(w, orderId)).toMatchObject({ status: 'paid' })
    await afterUndoWindow()
    expect(await order(w, orderId)).toMatchObject({ status: 'fulfilled' })
    expect((await order(w, orderId))!.history.at(-1)).toMatchObject({ from: 'paid', to: 'fulfilled', by: 'steward' })
  })

  it('a code redeems once: the second scan is refused with when it was picked up, and changes nothing', async () => {
    expect((await redeem(STEWARD, `GB:${code}`)).ok).toBe(true)
    const before = dumpDatabase(w.platform)
    const again = await redeem('demo-steward-2', code)
    expect(again).toMatchObject({ ok: false, code: 'GROUPBUY.PICKUP_ALREADY_REDEEMED' })
    expect(again.ok ? '' : again.message).toMatch(/已提货/)
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it('two stewards scanning the same code at the same moment hand over one parcel', async () => {
    const [a, b] = await Promise.all([redeem(STEWARD, code), redeem('demo-steward-2', code)])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'GROUPBUY.PICKUP_ALREADY_REDEEMED' })
    await afterUndoWindow()
    expect((await order(w, orderId))!.history.filter((h) => h.to === 'fulfilled')).toHaveLength(1)
  })

  it('a steward of another community is refused clearly; unknown codes and non-staff are refused; nothing is written', async () => {
    expect((await w.console('ops', { action: 'upsertCommunity', communityId: 'c-lakeside', name: '湖畔雅苑' })).ok).toBe(true)
    expect((await w.console('ops', { action: 'addStaff', communityId: 'c-lakeside', openid: 'lake-steward', role: 'steward', name: '周丽' })).ok).toBe(true)
    // Wrong codes are counted on purpose (per-identity guess limit, core/kernel/guess-limit.ts); nothing else is written.
    const before = dumpDatabase(w.platform, ['idempotency_keys', 'rate_limits'])
    expect(await redeem('lake-steward', code)).toMatchObject({ ok: false, code: 'GROUPBUY.PICKUP_WRONG_COMMUNITY' })
    const unknown = code === '00000000' ? '11111111' : '00000000'
    expect(await redeem(STEWARD, unknown)).toMatchObject({ ok: false, code: 'GROUPBUY.PICKUP_CODE_INVALID' })
    expect(await redeem(people[1].openid, code)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await redeem(STEWARD, '12ab')).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(dumpDatabase(w.platform, ['idempotency_keys', 'rate_limits'])).toEqual(before)
    // Two misses (the other community's steward, the unknown code), each in a 10-minute and a daily window; the
    // non-staff refusal and the bad input count nothing.
    const counters = (dumpDatabase(w.platform).rate_limits ?? []) as Array<{ _id: string; count: number }>
    expect(counters.filter((c) => c._id.startsWith('guess-pickup-')).map((c) => c.count)).toEqual([1, 1, 1, 1])
  })

  it('a refunded order cannot be picked up', async () => {
    expect((await w.console('orders', { action: 'refund', requestId: rid(), orderId, reason: '缺货' })).ok).toBe(true)
    await w.sandbox.settleRefunds()
    expect(await entry(w, orderId)).toMatchObject({ stage: 'refunded' })
    expect(await redeem(STEWARD, code)).toMatchObject({ ok: false, code: 'GROUPBUY.PICKUP_NOT_READY' })
  })
})
