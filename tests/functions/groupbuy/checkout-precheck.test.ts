import { rid } from '../../support/test-platform'
import { IDEMPOTENCY_COLLECTION } from '../../../cloudfunctions/runtime/idempotency'
import { ORDER_COLLECTIONS, type OrderDoc } from '../../../cloudfunctions/core/orders/order.model'
import { addResidents, all, createCampaign, openGroupbuyWorld, placeOrder, sku, type GroupbuyWorld } from './groupbuy-test-kit'

/**
 * placeOrder's precheck (runtime prechecks, define-function.ts) refuses a visibly sold-out attempt before
 * the request id is recorded: reads only. It must never change an answer: a retry of an accepted order
 * still gets that order, a refusal is judged afresh on retry, and stock given back can be sold again.
 */
describe('groupbuy checkout precheck: cheap refusals that change no answer', () => {
  let w: GroupbuyWorld
  beforeEach(async () => {
    w = await openGroupbuyWorld()
  })
  afterEach(() => w.close())

  const keys = async () => (await all<{ _id: string }>(w, IDEMPOTENCY_COLLECTION)).length

  it('a sold-out attempt costs reads only and records nothing; a retry of the accepted order replays it', async () => {
    const [a, b] = await addResidents(w, 2)
    const { campaignId, skuIds } = await createCampaign(w, { skus: [{ title: '秒杀鸡蛋', priceFen: 990, stock: 1, limitPerHousehold: 1 }] })
    const skuId = skuIds[0]
    const winnerRequest = rid('win')
    const won = await placeOrder(w, a.openid, a.householdId, campaignId, [{ skuId, quantity: 1 }], winnerRequest)
    expect(won.ok).toBe(true)
    expect((await sku(w, skuId))!.remaining).toBe(0)

    const keysBefore = await keys()
    const engine = w.platform.local.engine
    const writes: string[] = []
    engine.faultHook = (action, params) => {
      if (!/getDocument|calculateDocument/.test(action)) writes.push(`${action} ${String((params as { collectionName?: string }).collectionName)}`)
    }
    engine.resetCallCount()
    const refused = await placeOrder(w, b.openid, b.householdId, campaignId, [{ skuId, quantity: 1 }], rid('late'))
    const calls = engine.callCount
    engine.faultHook = undefined
    expect(refused).toMatchObject({ ok: false, code: 'GROUPBUY.SOLD_OUT' })
    expect(writes).toEqual([])
    expect(await keys()).toBe(keysBefore)
    // Access (3 reads) + the request id's record (1) + campaign and SKUs (2).
    expect(calls).toBeLessThanOrEqual(6)

    // The winner's retry with the same request id, now that the SKU is sold out: the first answer, not SOLD_OUT.
    const replay = await placeOrder(w, a.openid, a.householdId, campaignId, [{ skuId, quantity: 1 }], winnerRequest)
    expect(replay).toEqual(won)
    expect((await all<OrderDoc>(w, ORDER_COLLECTIONS.orders, { type: 'groupbuy' })).length).toBe(1)
  })

  it('a refused request id is judged afresh: when the stock comes back, its retry can buy', async () => {
    const [a, b] = await addResidents(w, 2)
    const { campaignId, skuIds } = await createCampaign(w, { skus: [{ title: '秒杀鸡蛋', priceFen: 990, stock: 1, limitPerHousehold: 1 }] })
    const skuId = skuIds[0]
    const first = await placeOrder(w, a.openid, a.householdId, campaignId, [{ skuId, quantity: 1 }])
    expect(first.ok).toBe(true)
    const retryId = rid('retry')
    expect(await placeOrder(w, b.openid, b.householdId, campaignId, [{ skuId, quantity: 1 }], retryId)).toMatchObject({ ok: false, code: 'GROUPBUY.SOLD_OUT' })
    // The first buyer cancels the unpaid order: the unit is back.
    const orderId = first.ok ? (first.data as { order: { orderId: string } }).order.orderId : ''
    const cancelled = await w.call('orders', a.openid, { action: 'cancel', requestId: rid('cancel'), orderId })
    expect(cancelled.ok).toBe(true)
    expect((await sku(w, skuId))!.remaining).toBe(1)
    expect(await placeOrder(w, b.openid, b.householdId, campaignId, [{ skuId, quantity: 1 }], retryId)).toMatchObject({ ok: true })
  })
})
