import { rid } from '../../support/test-platform'
import { ORDER_COLLECTIONS, type OrderDoc } from '../../../cloudfunctions/core/orders/order.model'
import { GROUPBUY_COLLECTIONS, type EntryDoc, type SkuDoc } from '../../../cloudfunctions/core/groupbuy/groupbuy.model'
import { addResidents, all, createCampaign, openGroupbuyWorld, placeOrder, quotas, sku, type GroupbuyWorld } from './groupbuy-test-kit'

describe('groupbuy: flash sale on the local engine', () => {
  let w: GroupbuyWorld
  beforeEach(async () => {
    w = await openGroupbuyWorld()
  })
  afterEach(() => w.close())

  it('1000 concurrent attempts from 1000 households on stock 100: exactly 100 hold stock, never below 0, nobody over the limit', async () => {
    const people = await addResidents(w, 1000)
    const { campaignId, skuIds } = await createCampaign(w, { skus: [{ title: '秒杀鸡蛋 30枚', priceFen: 990, stock: 100, limitPerHousehold: 1 }] })
    const skuId = skuIds[0]

    // Sample the SKU before every database call of the run: the stock must never be seen below 0.
    const engine = w.platform.local.engine
    let lowest = Infinity
    engine.faultHook = () => {
      const row = engine.store.getById(GROUPBUY_COLLECTIONS.skus, skuId)
      if (row) lowest = Math.min(lowest, (row.doc as unknown as SkuDoc).remaining)
    }
    const replies = await Promise.all(people.map((p) => placeOrder(w, p.openid, p.householdId, campaignId, [{ skuId, quantity: 1 }], rid('flash'))))
    engine.faultHook = undefined

    const won = replies.filter((r) => r.ok)
    const refused = replies.filter((r) => !r.ok)
    expect(won).toHaveLength(100)
    expect(new Set(refused.map((r) => (r.ok ? '' : r.code)))).toEqual(new Set(['GROUPBUY.SOLD_OUT']))
    expect(lowest).toBe(0)

    const s = (await sku(w, skuId))!
    expect(s.remaining).toBe(0)
    expect(s.holders).toHaveLength(100)

    // The winners are exactly the listed orders, each with a held entry; refused attempts left no order and no entry.
    const orders = await all<OrderDoc>(w, ORDER_COLLECTIONS.orders, { type: 'groupbuy' })
    const entries = await all<EntryDoc>(w, GROUPBUY_COLLECTIONS.entries, { campaignId })
    const winners = new Set(won.map((r) => (r.ok ? r.data.order.orderId : '')))
    expect(new Set(orders.map((o) => o._id))).toEqual(winners)
    expect(orders.every((o) => o.listed && o.reservation === 'held' && o.status === 'created')).toBe(true)
    expect(new Set(entries.map((e) => e._id))).toEqual(winners)
    expect(entries.every((e) => e.hold === 'held')).toBe(true)
    expect(new Set(s.holders)).toEqual(winners)

    // One order per winning household; no household holds more than its limit.
    expect(new Set(entries.map((e) => e.householdId)).size).toBe(100)
    const q = await quotas(w, skuId)
    expect(Math.max(...q.map((x) => x.held))).toBeLessThanOrEqual(1)
    expect(q.reduce((sum, x) => sum + x.held, 0)).toBe(100)
  }, 240_000) // 1000 checkouts on one event loop: minutes when the shared 2-core machine is busy; correctness, not speed, is asserted

  it('one household racing 6 orders against a limit of 2 (plenty of stock) ends up holding exactly 2', async () => {
    const people = await addResidents(w, 20)
    const { campaignId, skuIds } = await createCampaign(w, { skus: [{ title: '大米 10斤', priceFen: 4500, stock: 1000, limitPerHousehold: 2 }] })
    const attempts = people.flatMap((p) => Array.from({ length: 6 }, () => placeOrder(w, p.openid, p.householdId, campaignId, [{ skuId: skuIds[0], quantity: 1 }])))
    const replies = await Promise.all(attempts)
    expect(replies.filter((r) => r.ok)).toHaveLength(40)
    expect(new Set(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code)))).toEqual(new Set(['GROUPBUY.LIMIT_EXCEEDED']))
    const q = await quotas(w, skuIds[0])
    expect(q.map((x) => x.held)).toEqual(Array(20).fill(2))
    expect((await sku(w, skuIds[0]))!.remaining).toBe(1000 - 40)
  })
})
