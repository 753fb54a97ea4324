import { rid } from '../../support/test-platform'
import { hooksFor } from '../../../cloudfunctions/core/orders/order-type-hooks'
import { addResidents, createCampaign, entry, openGroupbuyWorld, order, placeOrder, quotas, sku, type GroupbuyWorld } from './groupbuy-test-kit'

const MINUTE = 60_000

describe('groupbuy: cancellation and expiry release stock exactly once', () => {
  let w: GroupbuyWorld
  let p: { openid: string; householdId: string }
  let campaignId: string
  let skuId: string
  beforeEach(async () => {
    w = await openGroupbuyWorld()
    ;[p] = await addResidents(w, 1)
    const c = await createCampaign(w, { skus: [{ title: '草莓 2盒', priceFen: 5990, stock: 10, limitPerHousehold: 3 }] })
    campaignId = c.campaignId
    skuId = c.skuIds[0]
  })
  afterEach(() => w.close())

  async function held(quantity: number): Promise<string> {
    const res = await placeOrder(w, p.openid, p.householdId, campaignId, [{ skuId, quantity }])
    if (!res.ok) throw new Error(res.code)
    return res.data.order.orderId
  }

  it('cancel gives the units and the quota back once, however often cancel, expiry and the release hook run', async () => {
    const id = await held(3)
    expect((await sku(w, skuId))!.remaining).toBe(7)
    const cancel = () => w.call('orders', p.openid, { action: 'cancel', requestId: rid(), orderId: id })
    const [first, second] = await Promise.all([cancel(), cancel()])
    expect([first.ok, second.ok]).toContain(true)
    expect(await cancel()).toMatchObject({ ok: false, code: 'ORDER.ILLEGAL_TRANSITION' })
    w.clock.advance(20 * MINUTE)
    await w.timer('orders', 'expireUnpaid')
    // The hook itself, called again directly (as the core does when it cannot prove a run finished).
    const ctx = { platform: w.platform, now: () => w.clock.now() }
    await hooksFor(w.platform, 'groupbuy').release!(ctx, (await order(w, id))!)
    await hooksFor(w.platform, 'groupbuy').release!(ctx, (await order(w, id))!)
    expect((await sku(w, skuId))!).toMatchObject({ remaining: 10, holders: [] })
    expect((await quotas(w, skuId))[0]).toMatchObject({ held: 0, holders: [] })
    expect(await entry(w, id)).toMatchObject({ stage: 'cancelled', hold: 'released' })
    // The household may buy its full limit again.
    expect((await placeOrder(w, p.openid, p.householdId, campaignId, [{ skuId, quantity: 3 }])).ok).toBe(true)
    expect((await sku(w, skuId))!.remaining).toBe(7)
  })

  it('an unpaid order expires after 15 minutes and its units go back; a second expiry run gives nothing back twice', async () => {
    const a = await held(2)
    const b = await held(1)
    w.clock.advance(16 * MINUTE)
    await w.timer('orders', 'expireUnpaid')
    await w.timer('orders', 'expireUnpaid')
    expect((await sku(w, skuId))!.remaining).toBe(10)
    for (const id of [a, b]) expect(await entry(w, id)).toMatchObject({ stage: 'cancelled', hold: 'released' })
  })

  it('a crash between giving back and recording it is finished by the expiry timer without giving back twice', async () => {
    const id = await held(2)
    const engine = w.platform.local.engine
    // Fail the write that marks the order released (after our hook gave the units back).
    engine.faultHook = (action, params) => {
      if (action === 'database.modifyDocument' && JSON.stringify(params).includes('released')) throw new Error('instance died')
    }
    const res = await w.call('orders', p.openid, { action: 'cancel', requestId: rid(), orderId: id })
    engine.faultHook = undefined
    expect(res.ok).toBe(false)
    await w.timer('orders', 'expireUnpaid')
    await w.timer('orders', 'expireUnpaid')
    expect((await sku(w, skuId))!).toMatchObject({ remaining: 10, holders: [] })
    expect(await order(w, id)).toMatchObject({ status: 'cancelled', reservation: 'released' })
  })
})
