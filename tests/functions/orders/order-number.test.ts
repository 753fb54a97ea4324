import { rid } from '../../support/test-platform'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { ORDER_COLLECTIONS, type OrderDoc } from '../../../cloudfunctions/core/orders/order.model'
import { orderIdFor } from '../../../cloudfunctions/core/orders/order-ids'
import { orderNoFor } from '../../../cloudfunctions/core/orders/order-number'
import { createServiceOrder, openOrderWorld, OWNER, type OrderWorld } from './order-test-kit'

/** Short human order numbers: Beijing date + 6 digits, stored beside the id, unique, stable on retry. */
describe('orders: order numbers', () => {
  let w: OrderWorld
  afterEach(() => w?.close())

  it('carries the Beijing date even when the UTC day is still yesterday, in the list and the detail', async () => {
    w = await openOrderWorld()
    // 2026-11-22 17:30 UTC is 2026-11-23 01:30 in Beijing.
    w.clock.advance(Date.parse('2026-11-22T17:30:00Z') - w.clock.now().getTime())
    const created = await createServiceOrder(w)
    if (!created.ok) throw new Error(created.message)
    const { orderId, orderNo } = created.data.order
    expect(orderNo).toMatch(/^20261123\d{6}$/)
    const stored = (must(await w.platform.db.collection(ORDER_COLLECTIONS.orders).doc(orderId).get()).data as OrderDoc[])[0]
    expect(stored.orderNo).toBe(orderNo)
    const list = await w.call('orders', OWNER, { action: 'list' })
    expect(list).toMatchObject({ ok: true, data: { items: [{ orderId, orderNo }] } })
    expect(await w.call('orders', OWNER, { action: 'detail', orderId })).toMatchObject({ ok: true, data: { order: { orderNo } } })
  })

  it('a retried request gets the same number; a number already taken that day is drawn again', async () => {
    w = await openOrderWorld()
    const requestId = rid('svc')
    const orderId = orderIdFor(OWNER, requestId)
    // Someone else's order of the same day already holds the number this order would draw first.
    const taken = orderNoFor(orderId, w.clock.now(), 0)
    must(await w.platform.db.collection(ORDER_COLLECTIONS.orders).add({ _id: 'od-other', orderNo: taken, householdId: 'h-x', listed: false, createdAt: w.clock.now() }))
    const first = await createServiceOrder(w, { requestId })
    const again = await createServiceOrder(w, { requestId })
    if (!first.ok || !again.ok) throw new Error('order not created')
    expect(first.data.order.orderNo).toBe(orderNoFor(orderId, w.clock.now(), 1))
    expect(first.data.order.orderNo).not.toBe(taken)
    expect(again.data.order.orderNo).toBe(first.data.order.orderNo)
  })
})
