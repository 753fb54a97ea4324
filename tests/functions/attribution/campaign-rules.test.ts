import { rid } from '../../support/test-platform'
import { createCampaign, entry, paidOrder } from '../groupbuy/groupbuy-test-kit'
import { A, B, DAY, bind, hh, ledger, openAttributionWorld, orderDoc, type AttributionWorld } from './attribution-test-kit'

const HOUR = 3_600_000

/**
 * Group buys: share-card touches (recorded by the group-buy area), a campaign's own window and rate, and
 * commission accruing when the steward hands over the goods (pickup → order fulfilled).
 */
describe('campaign rules and group-buy fulfilment', () => {
  let w: AttributionWorld
  beforeEach(async () => {
    w = await openAttributionWorld('2026-11-10T02:00:00.000Z')
  })
  afterEach(() => {
    w.platform.local.engine.faultHook = undefined
    w.close()
  })

  async function shareTouch(openid: string, campaignId: string, stewardId: string) {
    const res = await w.call('groupbuy', openid, { action: 'recordTouch', requestId: rid('gbt'), campaignId, stewardId })
    expect(res).toMatchObject({ ok: true, data: { recorded: true } })
  }

  async function redeem(orderId: string) {
    const code = (await entry(w, orderId))!.pickupCode!
    const res = await w.call('groupbuy', A.openid, { action: 'redeemPickup', requestId: rid('pick'), code })
    expect(res.ok).toBe(true)
    // The order is fulfilled (and commission accrues) once the 3-minute undo window has passed.
    w.clock.advance(3 * 60_000)
    await w.timer('groupbuy', 'closeDue')
  }

  it('a one-day campaign window and a 10% campaign rate; commission accrues at pickup; a missed event is caught by the sweep', async () => {
    const { campaignId, skuIds } = await createCampaign(w, { minParticipants: 1, deadlineInHours: 72, skus: [{ title: '脐橙 5斤装', priceFen: 3990, stock: 100, limitPerHousehold: 5 }] })
    const rule = await w.console('ops', { action: 'attributionSetCampaignRule', requestId: rid(), campaignId, windowDays: 1, rateBp: 1000 })
    expect(rule).toMatchObject({ ok: true, data: { campaignId, windowDays: 1, rateBp: 1000 } })

    // Two residents of steward B's grid open steward A's share card at the same moment.
    await bind(w, 'g1', hh(4, 1, 2, 1))
    await bind(w, 'g2', hh(4, 1, 3, 1))
    await shareTouch('g1', campaignId, A.id)
    await shareTouch('g2', campaignId, A.id)
    w.clock.advance(12 * HOUR)
    const inside = await paidOrder(w, 'g1', hh(4, 1, 2, 1), campaignId, skuIds[0], 2) // 7980
    w.clock.advance(13 * HOUR) // 25 h after the card: outside the campaign's one day (the community's 7 would have kept it)
    const outside = await paidOrder(w, 'g2', hh(4, 1, 3, 1), campaignId, skuIds[0], 1) // 3990
    expect((await orderDoc(w, inside)).attribution).toMatchObject({ rule: 'last_touch', stewardOpenid: A.openid, windowDays: 1, rateBp: 1000, touch: { campaignId, source: 'groupbuy_share' } })
    expect((await orderDoc(w, outside)).attribution).toMatchObject({ rule: 'home_steward', stewardOpenid: B.openid, windowDays: 1, rateBp: 1000 })

    // The campaign forms at its deadline; pickup codes are issued.
    w.clock.advance(3 * DAY)
    expect(await w.timer('groupbuy', 'closeDue')).toMatchObject({ ok: true, data: { formed: 1 } })
    expect(await ledger(w, inside)).toEqual([])

    await redeem(inside) // fulfilled → 7980 × 10% = 798 for A
    expect(await ledger(w, inside)).toEqual([expect.objectContaining({ kind: 'accrual', stewardOpenid: A.openid, baseFen: 7980, rateBp: 1000, amountFen: 798 })])

    // The accrual write fails while the goods are handed over: the pickup still succeeds…
    w.platform.local.engine.faultHook = (action, params) => {
      if (params.collectionName === 'commission_ledger' && action === 'database.modifyDocument') throw new Error('database unavailable')
    }
    await redeem(outside)
    w.platform.local.engine.faultHook = undefined
    expect((await orderDoc(w, outside)).status).toBe('fulfilled')
    expect(await ledger(w, outside)).toEqual([])
    // …and the sweep (daily timer, or this ops event) accrues it: 3990 × 10% = 399 for B, once.
    expect(await w.console('ops', { action: 'attributionReconcile', requestId: rid() })).toMatchObject({ ok: true, data: { accrued: 1 } })
    expect(await w.console('ops', { action: 'attributionReconcile', requestId: rid() })).toMatchObject({ ok: true, data: { checked: 0, accrued: 0 } })
    expect(await ledger(w, outside)).toEqual([expect.objectContaining({ kind: 'accrual', stewardOpenid: B.openid, amountFen: 399 })])
  })
})
