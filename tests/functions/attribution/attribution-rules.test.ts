import { paidEvent, runOutboxTimer } from '../../support/outbox'
import { rid, dumpDatabase } from '../../support/test-platform'
import { overrideOrderTypeHooks } from '../../../cloudfunctions/core/orders/order-type-hooks'
import { placeOrder } from '../../../cloudfunctions/core/orders/place-order'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { sumRollupShards, type RollupDoc } from '../../../cloudfunctions/core/metrics/rollup.model'
import { COLLECTIONS } from '../../../cloudfunctions/core/households/registry-collections'
import { ATTRIBUTION_COLLECTIONS } from '../../../cloudfunctions/core/attribution/attribution.model'
import { A, B, COMMUNITY, DAY, bind, buy, hh, openAttributionWorld, orderDoc, touch, type AttributionWorld } from './attribution-test-kit'

const HOUR = 3_600_000
/** 2026-11-10 10:00 in Shanghai. */
const START = '2026-11-10T02:00:00.000Z'

describe('attribution at payment: which steward gets the order, and why', () => {
  let w: AttributionWorld
  beforeEach(async () => {
    w = await openAttributionWorld(START)
  })
  afterEach(() => w.close())

  it('a touch inside the 7-day window decides; outside it the home steward does', async () => {
    // 业主 of 4栋 (steward B's grid) opens steward A's card.
    await bind(w, 'res-1', hh(4, 1, 1, 1))
    expect(await touch(w, 'res-1', A.id)).toBe(true)
    const [t] = must(await w.platform.db.collection(ATTRIBUTION_COLLECTIONS.touches).where({ residentOpenid: 'res-1' }).get()).data as { _id: string }[]

    w.clock.advance(7 * DAY) // exactly 7 days later: still inside
    const inside = await orderDoc(w, await buy(w, 'res-1', hh(4, 1, 1, 1)))
    expect(inside.attributedStewardOpenid).toBe(A.openid)
    expect(inside.attribution).toMatchObject({ rule: 'last_touch', stewardOpenid: A.openid, stewardId: A.id, windowDays: 7, rateBp: 300 })
    expect(inside.attribution!.touch).toMatchObject({ touchId: t._id, stewardOpenid: A.openid, source: 'page', at: new Date(START) })

    w.clock.advance(1) // one millisecond past the window
    const outside = await orderDoc(w, await buy(w, 'res-1', hh(4, 1, 1, 1)))
    expect(outside.attributedStewardOpenid).toBe(B.openid)
    expect(outside.attribution).toMatchObject({ rule: 'home_steward', stewardOpenid: B.openid, stewardId: B.id, touch: null })
  })

  it('two stewards touching the same resident: the latest touch wins, and the order says which touch it was', async () => {
    await bind(w, 'res-2', hh(1, 1, 2, 1))
    await touch(w, 'res-2', B.id)
    w.clock.advance(HOUR)
    await touch(w, 'res-2', A.id)
    w.clock.advance(HOUR)
    await touch(w, 'res-2', B.id)
    const latest = w.clock.now()
    w.clock.advance(HOUR)
    const order = await orderDoc(w, await buy(w, 'res-2', hh(1, 1, 2, 1)))
    expect(order.attribution).toMatchObject({ rule: 'last_touch', stewardOpenid: B.openid })
    expect(new Date(order.attribution!.touch.at)).toEqual(latest)

    const explained = await w.console('ops', { action: 'attributionExplain', orderId: order._id })
    expect(explained).toMatchObject({ ok: true, data: { rule: 'last_touch', stewardOpenid: B.openid, homeStewardOpenid: A.openid, gridId: A.grid, touch: { at: latest.toISOString() } } })
  })

  it('without any touch the home steward (grid of the building) is credited; a building in no grid credits nobody', async () => {
    await bind(w, 'res-3', hh(2, 2, 3, 2))
    expect((await orderDoc(w, await buy(w, 'res-3', hh(2, 2, 3, 2)))).attribution).toMatchObject({ rule: 'home_steward', stewardOpenid: A.openid })
    // Ops take 4–6栋 away from steward B: those households have no home steward now.
    must(await w.platform.db.collection(COLLECTIONS.grids).doc(B.grid).update({ buildingIds: [] }))
    await bind(w, 'res-4', hh(5, 1, 1, 1))
    const order = await orderDoc(w, await buy(w, 'res-4', hh(5, 1, 1, 1)))
    expect(order.attributedStewardOpenid).toBeNull()
    expect(order.attribution).toMatchObject({ rule: 'unattributed', stewardOpenid: null, rateBp: 0 })
  })

  it('a shorter community window (ops event) moves an old touch out; per-type rates apply to new orders', async () => {
    const set = await w.console('ops', { action: 'attributionSetCommunityRules', requestId: rid(), communityId: COMMUNITY, windowDays: 3, rates: { service: 1000 } })
    expect(set).toMatchObject({ ok: true, data: { rules: { windowDays: 3, selfPurchase: 'no_commission', refundPeriodDays: 7, rates: { fee: 0, groupbuy: 500, service: 1000 } } } })
    await bind(w, 'res-5', hh(4, 2, 5, 1))
    await touch(w, 'res-5', A.id)
    w.clock.advance(3 * DAY + HOUR)
    expect((await orderDoc(w, await buy(w, 'res-5', hh(4, 2, 5, 1)))).attribution).toMatchObject({ rule: 'home_steward', stewardOpenid: B.openid, windowDays: 3, rateBp: 1000 })
    await touch(w, 'res-5', A.id)
    w.clock.advance(2 * DAY)
    expect((await orderDoc(w, await buy(w, 'res-5', hh(4, 2, 5, 1)))).attribution).toMatchObject({ rule: 'last_touch', stewardOpenid: A.openid, rateBp: 1000 })
    // Bad settings are refused and write nothing.
    const before = dumpDatabase(w.platform)
    expect(await w.console('ops', { action: 'attributionSetCommunityRules', requestId: rid(), communityId: COMMUNITY, windowDays: 0 })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it('a steward buying for their own home follows the community self-purchase policy', async () => {
    await bind(w, A.openid, hh(2, 1, 1, 1))
    await bind(w, 'res-6', hh(2, 1, 1, 2))
    await touch(w, 'res-6', B.id)
    // Default: credited to themselves, no commission.
    expect((await orderDoc(w, await buy(w, A.openid, hh(2, 1, 1, 1)))).attribution).toMatchObject({ rule: 'self_purchase', stewardOpenid: A.openid, rateBp: 0 })
    await w.console('ops', { action: 'attributionSetCommunityRules', requestId: rid(), communityId: COMMUNITY, selfPurchase: 'credit' })
    expect((await orderDoc(w, await buy(w, A.openid, hh(2, 1, 1, 1)))).attribution).toMatchObject({ rule: 'self_purchase', stewardOpenid: A.openid, rateBp: 300 })
    await w.console('ops', { action: 'attributionSetCommunityRules', requestId: rid(), communityId: COMMUNITY, selfPurchase: 'exclude' })
    const excluded = await orderDoc(w, await buy(w, A.openid, hh(2, 1, 1, 1)))
    expect(excluded.attribution).toMatchObject({ rule: 'self_purchase', stewardOpenid: null, rateBp: 0 })
    // Residents are unaffected by the policy.
    expect((await orderDoc(w, await buy(w, 'res-6', hh(2, 1, 1, 2)))).attribution).toMatchObject({ rule: 'last_touch', stewardOpenid: B.openid })
  })

  it('invalid, foreign and own steward ids record no touch (and fail nothing)', async () => {
    await bind(w, 'res-7', hh(3, 1, 1, 1))
    must(await w.platform.db.collection(COLLECTIONS.staff).add({ _id: 's-far', openid: 'far-steward', communityId: 'c-far', role: 'steward', name: '远方', status: 'active' }))
    must(await w.platform.db.collection(COLLECTIONS.staff).add({ _id: 's-gone', openid: 'gone-steward', communityId: COMMUNITY, role: 'steward', name: '离职', status: 'removed' }))
    const before = must(await w.platform.db.collection(ATTRIBUTION_COLLECTIONS.touches).count()).total
    expect(await touch(w, 'res-7', 'no-such-staff')).toBe(false)
    expect(await touch(w, 'res-7', 's-technician')).toBe(false) // not a steward
    expect(await touch(w, 'res-7', 's-far')).toBe(false) // a steward of another community
    expect(await touch(w, 'res-7', 's-gone')).toBe(false) // no longer a steward
    expect(await touch(w, A.openid, A.id)).toBe(false) // their own card
    expect(await touch(w, 'demo-unbound', A.id)).toBe(false) // lives nowhere here
    expect(await touch(w, 'res-7', A.id, { campaignId: 'no-such-campaign' })).toBe(false)
    expect(must(await w.platform.db.collection(ATTRIBUTION_COLLECTIONS.touches).count()).total).toBe(before)
    // Opening the same steward's page again within 30 minutes is one touch.
    expect(await touch(w, 'res-7', B.id)).toBe(true)
    expect(await touch(w, 'res-7', B.id)).toBe(false)
    w.clock.advance(31 * 60_000)
    expect(await touch(w, 'res-7', B.id)).toBe(true)
  })

  it('a crash after counting (before the order is stamped) and the retries count the order once', async () => {
    await bind(w, 'res-8', hh(1, 2, 8, 2))
    const created = await w.call('orders', 'res-8', { action: 'createServiceOrder', requestId: rid(), householdId: hh(1, 2, 8, 2), serviceItemId: 'svc-cleaning', quantity: 1 })
    if (!created.ok) throw new Error(created.code)
    const orderId = created.data.order.orderId
    let crashes = 0
    w.platform.local.engine.faultHook = (action, params) => {
      if (action === 'database.modifyDocument' && params.collectionName === 'orders' && String(params.data).includes('attributedStewardOpenid') && crashes++ === 0) throw new Error('crash')
    }
    const { reply } = await w.sandbox.confirm(created.data.payment.prepayId, 'res-8')
    // The payment landed; its downstream effects did not: WeChat is answered OK and the order keeps its
    // order.paid outbox event pending for the outbox timer.
    expect(reply.errcode).toBe(0)
    w.platform.local.engine.faultHook = undefined
    expect(await paidEvent(w, orderId)).toMatchObject({ state: 'pending', attempts: 1 })

    expect(await runOutboxTimer(w)).toMatchObject({ ok: true, data: { processed: 1 } })
    expect((await w.sandbox.redeliverPayNotify(orderId)).errcode).toBe(0)
    const order = await orderDoc(w, orderId)
    expect(await paidEvent(w, orderId)).toMatchObject({ state: 'done' })
    expect(order).toMatchObject({ attributedStewardOpenid: A.openid, attribution: { rule: 'home_steward' } })
    // Community and grid months are sharded (rollup.model.ts): sum the shards of each rollup id.
    const rows = [...sumRollupShards(must(await w.platform.db.collection('metric_rollups').where({ month: '2026-11' }).get()).data as RollupDoc[]).values()]
    expect(Object.fromEntries(rows.map((r) => [r._id, [r.orders, r.gmvFen]]))).toEqual({
      [`s-2026-11-${COMMUNITY}~${A.openid}`]: [1, 8800],
      [`g-2026-11-${A.grid}`]: [1, 8800],
      [`c-2026-11-${COMMUNITY}`]: [1, 8800],
    })
  })

  it('a property-fee payment is attributed (rate 0) but stays out of the sales figures', async () => {
    const restore = overrideOrderTypeHooks(w.platform, 'fee', {}) // no bills needed to pay a fee order here
    try {
      const ctx = { platform: w.platform, now: () => w.clock.now() }
      const line = { refType: 'bill', refId: 'bill-1', title: '2026年11月 物业费', quantity: 1, unitPriceFen: 26800, amountFen: 26800 }
      const { order, prepay } = await placeOrder(ctx, { type: 'fee', householdId: 'h-1-1-101', payerOpenid: 'demo-owner', lines: [line], amountFen: 26800, requestId: rid() })
      expect((await w.sandbox.confirm(prepay!.prepayId, 'demo-owner')).reply.errcode).toBe(0)
      expect((await orderDoc(w, order._id)).attribution).toMatchObject({ rule: 'home_steward', stewardOpenid: A.openid, rateBp: 0 })
      expect(must(await w.platform.db.collection('metric_rollups').count()).total).toBe(0)
    } finally {
      restore()
    }
  })
})
