import { dumpDatabase, rid } from '../../support/test-platform'
import { overrideOrderTypeHooks } from '../../../cloudfunctions/core/orders/order-type-hooks'
import { placeOrder } from '../../../cloudfunctions/core/orders/place-order'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { ORDER_COLLECTIONS, type OrderDoc } from '../../../cloudfunctions/core/orders/order.model'
import { HOUSEHOLD, OWNER, createServiceOrder, openOrderWorld, orderDoc, payWithLostNotify, stockHooks, stockLeft, type OrderWorld } from './order-test-kit'

const STOCK = 10

describe('unpaid expiry (timer) and database faults while creating', () => {
  let w: OrderWorld
  let restore: () => void
  let stock: ReturnType<typeof stockHooks>
  beforeEach(async () => {
    w = await openOrderWorld()
    stock = stockHooks()
    restore = overrideOrderTypeHooks(w.platform, 'groupbuy', stock.hooks)
    must(await w.platform.db.collection('test_stock').doc('sku-1').set({ stock: STOCK }))
  })
  afterEach(() => {
    w.platform.local.engine.faultHook = undefined
    restore()
    w.close()
  })
  const ctx = () => ({ platform: w.platform, now: () => w.clock.now() })
  const place = (requestId: string, quantity = 2) =>
    placeOrder(ctx(), {
      type: 'groupbuy',
      householdId: HOUSEHOLD,
      payerOpenid: OWNER,
      lines: [{ refType: 'sku', refId: 'sku-1', title: '阳澄湖大闸蟹', quantity, unitPriceFen: 5000, amountFen: quantity * 5000 }],
      amountFen: quantity * 5000,
      requestId,
    })
  const allOrders = async () => must(await w.platform.db.collection(ORDER_COLLECTIONS.orders).limit(100).get()).data as OrderDoc[]
  const expire = () => w.timer('orders', 'expireUnpaid')

  it('after 15 minutes unpaid orders are cancelled and their stock comes back; paid ones are untouched', async () => {
    const a = await place(rid())
    const b = await place(rid())
    const paid = await place(rid())
    await payWithLostNotify(w, paid.prepay!.prepayId)
    expect(await stockLeft(w)).toBe(STOCK - 6)
    w.clock.advance(14 * 60_000)
    expect(await expire()).toMatchObject({ ok: true, data: { cancelled: 0 } })
    w.clock.advance(2 * 60_000)
    expect(await expire()).toMatchObject({ ok: true, data: { cancelled: 2, paidMeanwhile: 1 } })
    expect((await orderDoc(w, a.order._id)).status).toBe('cancelled')
    expect((await orderDoc(w, b.order._id)).reservation).toBe('released')
    // The lost notify did not matter: before closing, the timer asked the gateway and found it paid.
    expect(await orderDoc(w, paid.order._id)).toMatchObject({ status: 'paid', reservation: 'held' })
    expect(await stockLeft(w)).toBe(STOCK - 2)
    expect(await expire()).toMatchObject({ ok: true, data: { cancelled: 0, releasesFinished: 0 } })
  })

  it('a crash midway (after cancelling, before recording the release) and a re-run release nothing twice', async () => {
    const orders = [await place(rid()), await place(rid()), await place(rid())]
    expect(await stockLeft(w)).toBe(STOCK - 6)
    w.clock.advance(16 * 60_000)
    const victim = orders[1].order._id
    // The process "dies" right after the release hook ran for the second order: its "released" mark is lost.
    w.platform.local.engine.faultHook = (action, params) => {
      if (action === 'database.modifyDocument' && String(params.query).includes(victim) && String(params.query).includes('releasing')) throw new Error('crash')
    }
    const first = await expire()
    expect(first).toMatchObject({ ok: true, data: { cancelled: 2, failed: 1 } })
    expect((await orderDoc(w, victim)).reservation).toBe('releasing')
    w.platform.local.engine.faultHook = undefined

    const second = await expire()
    expect(second).toMatchObject({ ok: true, data: { releasesFinished: 1, cancelled: 0 } })
    expect(await expire()).toMatchObject({ ok: true, data: { releasesFinished: 0, cancelled: 0 } })
    for (const o of orders) expect(await orderDoc(w, o.order._id)).toMatchObject({ status: 'cancelled', reservation: 'released' })
    expect(await stockLeft(w)).toBe(STOCK)
    // The hook was called again for the victim (that is what resuming means); its effect happened once.
    expect(stock.counter.release).toBe(4)
  })

  it('two timer runs at once cancel each order once', async () => {
    const orders = [await place(rid()), await place(rid())]
    w.clock.advance(16 * 60_000)
    const runs = await Promise.all([expire(), expire()])
    const cancelled = runs.map((r) => (r.ok ? r.data.cancelled : 0)).reduce((a, b) => a + b, 0)
    expect(cancelled).toBe(2)
    for (const o of orders) expect((await orderDoc(w, o.order._id)).history.filter((h) => h.to === 'cancelled')).toHaveLength(1)
    expect(await stockLeft(w)).toBe(STOCK)
  })

  it('the database fails in the middle of creating an order: no half order; the retry with the same requestId succeeds once', async () => {
    const requestId = rid()
    const before = dumpDatabase(w.platform)
    w.platform.local.engine.faultHook = (action, params) => {
      if (action === 'database.insertDocument' && params.collectionName === ORDER_COLLECTIONS.orders) throw new Error('disk full')
    }
    const failed = await createServiceOrder(w, { requestId })
    expect(failed).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(dumpDatabase(w.platform)).toEqual(before)
    w.platform.local.engine.faultHook = undefined

    const retry = await createServiceOrder(w, { requestId })
    const again = await createServiceOrder(w, { requestId })
    expect(retry.ok && again.ok && retry.data.order.orderId === again.data.order.orderId).toBe(true)
    expect((await allOrders()).filter((o) => o.type === 'service')).toHaveLength(1)
  })

  it('a fault after the draft is written (during reservation): invisible draft, then one order and one reservation on retry', async () => {
    const requestId = rid()
    w.platform.local.engine.faultHook = (action, params) => {
      if (action === 'database.modifyDocument' && params.collectionName === ORDER_COLLECTIONS.orders && String(params.query).includes('pending')) throw new Error('connection reset')
    }
    await expect(place(requestId)).rejects.toThrow()
    const [draft] = await allOrders()
    expect(draft).toMatchObject({ status: 'created', reservation: 'pending', listed: false })
    expect(await w.call('orders', OWNER, { action: 'list' })).toMatchObject({ ok: true, data: { items: [] } })
    expect(await w.call('orders', OWNER, { action: 'pay', requestId: rid(), orderId: draft._id })).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' })
    w.platform.local.engine.faultHook = undefined

    const retry = await place(requestId)
    expect(retry.order).toMatchObject({ _id: draft._id, reservation: 'held', listed: true })
    expect(retry.prepay).not.toBeNull()
    expect(await allOrders()).toHaveLength(1)
    expect(await stockLeft(w)).toBe(STOCK - 2)
  })

  it('a refused reservation (sold out) leaves no order at all', async () => {
    await expect(place(rid(), STOCK + 1)).rejects.toMatchObject({ code: 'GROUPBUY.SOLD_OUT' })
    expect(await allOrders()).toHaveLength(0)
    expect(await stockLeft(w)).toBe(STOCK)
  })

  it('an abandoned draft is released by the expiry timer', async () => {
    w.platform.local.engine.faultHook = (action, params) => {
      if (action === 'database.modifyDocument' && params.collectionName === ORDER_COLLECTIONS.orders && String(params.query).includes('pending')) throw new Error('crash')
    }
    await expect(place(rid())).rejects.toThrow()
    w.platform.local.engine.faultHook = undefined
    expect(await stockLeft(w)).toBe(STOCK - 2)
    w.clock.advance(16 * 60_000)
    expect(await expire()).toMatchObject({ ok: true, data: { cancelled: 1 } })
    expect(await stockLeft(w)).toBe(STOCK)
  })
})
