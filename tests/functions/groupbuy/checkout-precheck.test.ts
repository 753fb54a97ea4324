import { rid } from '../../support/test-platform'
import { IDEMPOTENCY_COLLECTION } from '../../../cloudfunctions/runtime/idempotency'
import { ORDER_COLLECTIONS, type OrderDoc } from '../../../cloudfunctions/core/orders/order.model'
import { GROUPBUY_COLLECTIONS } from '../../../cloudfunctions/core/groupbuy/groupbuy.model'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
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

  /** Every wire call of one attempt, as "action collection". */
  async function traced<T>(attempt: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
    const calls: string[] = []
    w.platform.local.engine.faultHook = (action, params) => {
      calls.push(`${action.replace('database.', '')} ${String((params as { collectionName?: string }).collectionName)}`)
    }
    try {
      return { result: await attempt(), calls }
    } finally {
      w.platform.local.engine.faultHook = undefined
    }
  }

  it('a winning checkout reads the campaign and SKUs once, names the campaign on the order and lists it with its prepay in one write', async () => {
    const [a] = await addResidents(w, 1)
    const { campaignId, skuIds } = await createCampaign(w, { skus: [{ title: '秒杀鸡蛋', priceFen: 990, stock: 5, limitPerHousehold: 2 }] })
    const won = await traced(() => placeOrder(w, a.openid, a.householdId, campaignId, [{ skuId: skuIds[0], quantity: 1 }]))
    expect(won.result).toMatchObject({ ok: true, data: { payment: { prepayId: expect.any(String) } } })
    const count = (kind: string) => won.calls.filter((k) => k === kind).length
    // The checkout's judgement read them; the reserve hook of the same call takes those reads over.
    expect(count('getDocument groupbuy_campaigns')).toBe(1)
    expect(count('getDocument groupbuy_skus')).toBe(1)
    // The merchants area's payment terms learn the campaign from the order, not from its group-buy entry.
    expect(count('getDocument groupbuy_orders')).toBe(0)
    // Insert the draft, then one write lists it with the prepay.
    expect(count('insertDocument orders')).toBe(1)
    expect(count('modifyDocument orders')).toBe(1)
    const order = (await all<OrderDoc>(w, ORDER_COLLECTIONS.orders, { type: 'groupbuy' }))[0]
    expect(order).toMatchObject({ offerId: campaignId, listed: true, reservation: 'held', prepay: { prepayId: expect.any(String), profitSharing: false } })
    // The whole winning path, in order (the listing read is the merchants area's 5 s memo, cold here).
    expect(won.calls).toEqual([
      ...['residents', 'staff', 'households', 'idempotency_keys', 'groupbuy_campaigns', 'groupbuy_skus'].map((c) => `getDocument ${c}`),
      ...['idempotency_keys', 'orders', 'groupbuy_orders', 'groupbuy_quotas'].map((c) => `insertDocument ${c}`),
      'modifyDocument groupbuy_skus',
      'modifyDocument groupbuy_orders',
      'getDocument merchant_listings',
      'modifyDocument orders',
      'modifyDocument idempotency_keys',
    ])
  })

  it('the sold-out memo: once this instance has read a SKU at 0, the next refusal reads neither campaign nor SKU', async () => {
    const [a, b, c] = await addResidents(w, 3)
    const { campaignId, skuIds } = await createCampaign(w, { skus: [{ title: '秒杀鸡蛋', priceFen: 990, stock: 1, limitPerHousehold: 1 }] })
    const skuId = skuIds[0]
    expect((await placeOrder(w, a.openid, a.householdId, campaignId, [{ skuId, quantity: 1 }])).ok).toBe(true)
    // The first refusal reads the SKU at 0 (fresh), the second is answered from that.
    const first = await traced(() => placeOrder(w, b.openid, b.householdId, campaignId, [{ skuId, quantity: 1 }]))
    expect(first.result).toMatchObject({ ok: false, code: 'GROUPBUY.SOLD_OUT' })
    expect(first.calls).toEqual(expect.arrayContaining(['getDocument groupbuy_campaigns', 'getDocument groupbuy_skus']))
    const second = await traced(() => placeOrder(w, c.openid, c.householdId, campaignId, [{ skuId, quantity: 1 }]))
    expect(second.result).toEqual(first.result)
    expect(second.calls.filter((k) => /groupbuy_/.test(k))).toEqual([])
    // Only the caller's access and the request id's record are read; nothing is written.
    expect(second.calls.every((k) => k.startsWith('getDocument'))).toBe(true)
    expect(second.calls.length).toBeLessThanOrEqual(4)
  })

  it('the memo answers only SOLD_OUT: a wrong household, an unknown SKU or a per-order limit are judged from fresh reads', async () => {
    const [a, b] = await addResidents(w, 2)
    const { campaignId, skuIds } = await createCampaign(w, { skus: [{ title: '秒杀鸡蛋', priceFen: 990, stock: 1, limitPerHousehold: 1 }] })
    const skuId = skuIds[0]
    expect((await placeOrder(w, a.openid, a.householdId, campaignId, [{ skuId, quantity: 1 }])).ok).toBe(true)
    expect(await placeOrder(w, b.openid, b.householdId, campaignId, [{ skuId, quantity: 1 }])).toMatchObject({ code: 'GROUPBUY.SOLD_OUT' })
    // Memo now holds the SKU at 0; these attempts must still get their own answers.
    expect(await placeOrder(w, b.openid, a.householdId, campaignId, [{ skuId, quantity: 1 }])).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await placeOrder(w, b.openid, b.householdId, campaignId, [{ skuId: `${skuId}x`, quantity: 1 }])).toMatchObject({ code: 'GROUPBUY.SKU_NOT_FOUND' })
    expect(await placeOrder(w, b.openid, b.householdId, campaignId, [{ skuId, quantity: 2 }])).toMatchObject({ code: 'GROUPBUY.LIMIT_EXCEEDED' })
  })

  it('stock that comes back without this instance knowing (another instance) is for sale again within the memo\'s second', async () => {
    const [a, b] = await addResidents(w, 2)
    const { campaignId, skuIds } = await createCampaign(w, { skus: [{ title: '秒杀鸡蛋', priceFen: 990, stock: 1, limitPerHousehold: 1 }] })
    const skuId = skuIds[0]
    expect((await placeOrder(w, a.openid, a.householdId, campaignId, [{ skuId, quantity: 1 }])).ok).toBe(true)
    expect(await placeOrder(w, b.openid, b.householdId, campaignId, [{ skuId, quantity: 1 }])).toMatchObject({ code: 'GROUPBUY.SOLD_OUT' })
    // Another instance gave a unit back: this instance's memo is not told (only its own giveBackStock forgets).
    must(await w.platform.db.collection(GROUPBUY_COLLECTIONS.skus).doc(skuId).update({ remaining: 1 }))
    const retryId = rid('later')
    expect(await placeOrder(w, b.openid, b.householdId, campaignId, [{ skuId, quantity: 1 }], retryId)).toMatchObject({ code: 'GROUPBUY.SOLD_OUT' })
    await new Promise((r) => setTimeout(r, 1100))
    expect(await placeOrder(w, b.openid, b.householdId, campaignId, [{ skuId, quantity: 1 }], retryId)).toMatchObject({ ok: true })
  })
})
