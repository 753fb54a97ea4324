import { buy, deliver, fulfil, JIEJIA, ODD, OWNER, openMerchantWorld, refund, type MerchantWorld } from './merchants-test-kit'

/**
 * 待送达 has one definition (core/merchants/to-deliver.ts): the home count (merchants.board) and the 待送达
 * list (merchants.orders, filter to_deliver) must name the same orders after every kind of change — a
 * payment, a full refund, a partial refund, the merchant's 标记送达, and ops fulfilling the order themselves.
 */
describe('merchant 待送达: the home count and the list agree', () => {
  let w: MerchantWorld
  beforeAll(async () => {
    w = await openMerchantWorld('2026-11-03T02:00:00.000Z')
  })
  afterAll(() => w.close())

  async function waiting(): Promise<{ count: number; ids: string[]; flagged: string[] }> {
    const board = await w.call('merchants', JIEJIA.staffOpenid, { action: 'board' })
    const list = await w.call('merchants', JIEJIA.staffOpenid, { action: 'orders', filter: 'to_deliver', limit: 50 })
    const all = await w.call('merchants', JIEJIA.staffOpenid, { action: 'orders', filter: 'all', limit: 50 })
    if (!board.ok || !list.ok || !all.ok) throw new Error('merchants call failed')
    return {
      count: board.data.toDeliver,
      ids: (list.data.items as { orderId: string }[]).map((o) => o.orderId).sort(),
      // The cards' own flag over every order: what shows 待送达 and 标记送达.
      flagged: (all.data.items as { orderId: string; toDeliver: boolean }[]).filter((o) => o.toDeliver).map((o) => o.orderId).sort(),
    }
  }

  it('paid orders wait; a full refund, 标记送达 and ops fulfilling each take one out of the count and the list alike', async () => {
    const a = await buy(w, OWNER.openid, OWNER.household, ODD)
    const b = await buy(w, OWNER.openid, OWNER.household, ODD)
    const c = await buy(w, OWNER.openid, OWNER.household, ODD)
    const d = await buy(w, OWNER.openid, OWNER.household, ODD)
    expect(await waiting()).toEqual({ count: 4, ids: [a, b, c, d].sort(), flagged: [a, b, c, d].sort() })

    // Fully refunded before delivery: nothing is left to deliver (the card says 已退款, with no button).
    await refund(w, a)
    expect(await waiting()).toEqual({ count: 3, ids: [b, c, d].sort(), flagged: [b, c, d].sort() })

    // A partial refund leaves the rest to deliver.
    await refund(w, b, 4000)
    expect(await waiting()).toEqual({ count: 3, ids: [b, c, d].sort(), flagged: [b, c, d].sort() })

    // The merchant marks one done.
    expect(await deliver(w, JIEJIA.staffOpenid, c)).toMatchObject({ ok: true, data: { order: { orderId: c, toDeliver: false } } })
    expect(await waiting()).toEqual({ count: 2, ids: [b, d].sort(), flagged: [b, d].sort() })

    // Ops confirm the service themselves (订单 › 确认完成): the merchant has nothing left to do for it.
    await fulfil(w, d)
    expect(await waiting()).toEqual({ count: 1, ids: [b], flagged: [b] })

    await deliver(w, JIEJIA.staffOpenid, b)
    expect(await waiting()).toEqual({ count: 0, ids: [], flagged: [] })
  })
})
