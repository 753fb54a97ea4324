import { dumpDatabase, rid } from '../../support/test-platform'
import { CLEANING, FAMILY, HOUSEHOLD, OWNER, createServiceOrder, opsRefund, orderDoc, openOrderWorld, paidOrder, payWithLostNotify, type OrderWorld } from './order-test-kit'

describe('orders: every transition through the real actions', () => {
  let w: OrderWorld
  beforeEach(async () => {
    w = await openOrderWorld()
  })
  afterEach(() => w.close())

  const statusPath = async (id: string) => (await orderDoc(w, id)).history.map((h) => h.to)

  it('created: a service order from the catalogue, with prepay parameters for requestPayment', async () => {
    const res = await createServiceOrder(w, { quantity: 2 })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data.order).toMatchObject({ status: 'created', amountFen: 2 * CLEANING.priceFen, householdId: HOUSEHOLD, can: { pay: true, cancel: true, refund: false } })
    expect(res.data.payment).toMatchObject({ provider: 'sandbox', package: `prepay_id=${res.data.payment.prepayId}`, signType: 'RSA' })
    expect(res.data.payment.timeStamp).toMatch(/^\d{10}$/)
  })

  it('created → paid (notify) → fulfilled → completed (ops), with the status history on the order', async () => {
    const id = await paidOrder(w)
    expect((await w.console('orders', { action: 'fulfil', orderId: id })).ok).toBe(true)
    const done = await w.console('orders', { action: 'complete', orderId: id })
    expect(done).toMatchObject({ ok: true, data: { order: { status: 'completed' } } })
    expect(await statusPath(id)).toEqual(['created', 'paid', 'fulfilled', 'completed'])
    expect((await orderDoc(w, id)).history.map((h) => h.by)).toEqual(['resident', 'wechatpay', 'ops', 'ops'])
  })

  it('created → cancelled by the resident closes the WeChat order too (it can no longer be paid)', async () => {
    const created = await createServiceOrder(w)
    if (!created.ok) throw new Error(created.code)
    const res = await w.call('orders', OWNER, { action: 'cancel', requestId: rid(), orderId: created.data.order.orderId })
    expect(res).toMatchObject({ ok: true, data: { order: { status: 'cancelled', can: { pay: false, cancel: false } } } })
    await expect(w.sandbox.confirm(created.data.payment.prepayId, OWNER)).rejects.toMatchObject({ reason: 'CLOSED' })
  })

  it('paid → refunding → refunded (full), fulfilled → refunding → fulfilled (partial)', async () => {
    const full = await paidOrder(w)
    await opsRefund(w, full)
    await w.sandbox.settleRefunds()
    expect(await statusPath(full)).toEqual(['created', 'paid', 'refunding', 'refunded'])

    const partial = await paidOrder(w)
    await w.console('orders', { action: 'fulfil', orderId: partial })
    await opsRefund(w, partial, 1000)
    await w.sandbox.settleRefunds()
    expect(await statusPath(partial)).toEqual(['created', 'paid', 'fulfilled', 'refunding', 'fulfilled'])
    expect(await orderDoc(w, partial)).toMatchObject({ refundedFen: 1000, pendingRefundFen: 0 })
  })

  it('a refund that fails at the bank returns the order to where it was, and the money stays refundable', async () => {
    const id = await paidOrder(w)
    w.sandbox.refundOutcome = 'CHANGE'
    await opsRefund(w, id, 2000)
    await w.sandbox.settleRefunds()
    expect(await statusPath(id)).toEqual(['created', 'paid', 'refunding', 'paid'])
    expect(await orderDoc(w, id)).toMatchObject({ refundedFen: 0, pendingRefundFen: 0 })
    const detail = await w.call('orders', OWNER, { action: 'detail', orderId: id })
    expect(detail).toMatchObject({ ok: true, data: { order: { refundableFen: CLEANING.priceFen, refunds: [{ status: 'failed' }] } } })
  })

  describe('illegal transitions are refused with ORDER.ILLEGAL_TRANSITION and write nothing', () => {
    const expectRefused = async (id: string, call: () => Promise<unknown>) => {
      const before = dumpDatabase(w.platform)
      expect(await call()).toMatchObject({ ok: false, code: 'ORDER.ILLEGAL_TRANSITION' })
      expect(dumpDatabase(w.platform)).toEqual(before)
      return id
    }
    const unpaid = async () => {
      const res = await createServiceOrder(w)
      if (!res.ok) throw new Error(res.code)
      return res.data.order.orderId
    }

    it('cancel after pay', async () => {
      const id = await paidOrder(w)
      await expectRefused(id, () => w.call('orders', OWNER, { action: 'cancel', requestId: rid(), orderId: id }))
    })
    it('cancel twice', async () => {
      const id = await unpaid()
      await w.call('orders', OWNER, { action: 'cancel', requestId: rid(), orderId: id })
      await expectRefused(id, () => w.call('orders', OWNER, { action: 'cancel', requestId: rid(), orderId: id }))
    })
    it('fulfil an unpaid order', async () => {
      const id = await unpaid()
      await expectRefused(id, () => w.console('orders', { action: 'fulfil', orderId: id }))
    })
    it('complete a paid (not fulfilled) order', async () => {
      const id = await paidOrder(w)
      await expectRefused(id, () => w.console('orders', { action: 'complete', orderId: id }))
    })
    it('refund an unpaid order', async () => {
      const id = await unpaid()
      await expectRefused(id, () => opsRefund(w, id))
    })
    it('refund a cancelled order', async () => {
      const id = await unpaid()
      await w.call('orders', OWNER, { action: 'cancel', requestId: rid(), orderId: id })
      await expectRefused(id, () => opsRefund(w, id))
    })
    it('refund or fulfil a completed order', async () => {
      const id = await paidOrder(w)
      await w.console('orders', { action: 'fulfil', orderId: id })
      await w.console('orders', { action: 'complete', orderId: id })
      await expectRefused(id, () => opsRefund(w, id))
      // A second fulfil on purpose (its own requestId): the same event without one would be a console retry
      // and replay the first answer (docs/ops.md).
      await expectRefused(id, () => w.console('orders', { action: 'fulfil', orderId: id, requestId: rid('again') }))
    })
    it('fulfil a refunded order', async () => {
      const id = await paidOrder(w)
      await opsRefund(w, id)
      await w.sandbox.settleRefunds()
      await expectRefused(id, () => w.console('orders', { action: 'fulfil', orderId: id }))
    })
  })

  it('pay twice: a second pay is refused, a second confirm changes nothing', async () => {
    const created = await createServiceOrder(w)
    if (!created.ok) throw new Error(created.code)
    const id = created.data.order.orderId
    const again = await w.call('orders', OWNER, { action: 'pay', requestId: rid(), orderId: id })
    expect(again).toMatchObject({ ok: true, data: { payment: { prepayId: created.data.payment.prepayId } } })
    await w.sandbox.confirm(created.data.payment.prepayId, OWNER)
    await w.sandbox.confirm(created.data.payment.prepayId, OWNER)
    expect(await w.call('orders', OWNER, { action: 'pay', requestId: rid(), orderId: id })).toMatchObject({ ok: false, code: 'ORDER.ALREADY_PAID' })
    expect(await statusPath(id)).toEqual(['created', 'paid'])
  })

  it('cancel while the payment is in flight: the gateway says paid, so the order becomes paid, not cancelled', async () => {
    const created = await createServiceOrder(w)
    if (!created.ok) throw new Error(created.code)
    // The money moved but the notify is lost (delivery fails), then the resident taps 取消.
    await payWithLostNotify(w, created.data.payment.prepayId)
    const res = await w.call('orders', OWNER, { action: 'cancel', requestId: rid(), orderId: created.data.order.orderId })
    expect(res).toMatchObject({ ok: false, code: 'ORDER.ALREADY_PAID' })
    expect(await statusPath(created.data.order.orderId)).toEqual(['created', 'paid'])
  })

  it('a retried create (same requestId) returns the same order; a reused id with other content is refused', async () => {
    const requestId = rid()
    const a = await createServiceOrder(w, { requestId })
    const b = await createServiceOrder(w, { requestId })
    expect(a.ok && b.ok && a.data.order.orderId === b.data.order.orderId).toBe(true)
    const c = await createServiceOrder(w, { requestId, quantity: 3 })
    expect(c).toMatchObject({ ok: false, code: 'REQUEST.ID_REUSED' })
    const list = await w.call('orders', OWNER, { action: 'list' })
    expect(list.ok && list.data.items).toHaveLength(1)
  })

  it('household members see the order; only the payer may pay or refund; outsiders see nothing', async () => {
    const id = await paidOrder(w)
    expect(await w.call('orders', FAMILY, { action: 'detail', orderId: id })).toMatchObject({ ok: true, data: { order: { can: { refund: false } } } })
    expect(await w.call('orders', FAMILY, { action: 'requestRefund', requestId: rid(), orderId: id, reason: '不需要了' })).toMatchObject({ ok: false, code: 'ORDER.PAYER_ONLY' })
    expect(await w.call('orders', 'demo-visitor', { action: 'detail', orderId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await w.call('orders', 'demo-visitor', { action: 'list' })).toMatchObject({ ok: true, data: { items: [] } })
  })

  it('ops actions are console-only: a resident calling them is refused', async () => {
    const id = await paidOrder(w)
    for (const event of [{ action: 'refund', orderId: id, reason: 'x', requestId: rid() }, { action: 'fulfil', orderId: id, requestId: rid() }]) {
      expect(await w.call('orders', OWNER, event)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    }
    expect((await orderDoc(w, id)).status).toBe('paid')
  })

  it('the resident refunds a paid service themselves, but not once it was done', async () => {
    const id = await paidOrder(w)
    const res = await w.call('orders', OWNER, { action: 'requestRefund', requestId: rid(), orderId: id, reason: '临时有事' })
    expect(res).toMatchObject({ ok: true, data: { order: { status: 'refunding' }, refund: { amountFen: CLEANING.priceFen, status: 'pending' } } })
    const done = await paidOrder(w)
    await w.console('orders', { action: 'fulfil', orderId: done })
    expect(await w.call('orders', OWNER, { action: 'requestRefund', requestId: rid(), orderId: done, reason: '不满意' })).toMatchObject({ ok: false, code: 'ORDER.REFUND_NOT_ALLOWED' })
  })

  it('lists newest first, pages without a count, filters by status', async () => {
    const ids = [await paidOrder(w)]
    for (let i = 0; i < 3; i++) {
      w.clock.advance(1000)
      const r = await createServiceOrder(w)
      if (r.ok) ids.push(r.data.order.orderId)
    }
    const page1 = await w.call('orders', OWNER, { action: 'list', limit: 2 })
    const page2 = await w.call('orders', OWNER, { action: 'list', limit: 2, offset: 2 })
    expect(page1.ok && page1.data.items.map((o: { orderId: string }) => o.orderId)).toEqual([ids[3], ids[2]])
    expect(page1.ok && page1.data.hasMore).toBe(true)
    expect(page2.ok && page2.data).toMatchObject({ items: [{ orderId: ids[1] }, { orderId: ids[0] }], hasMore: false })
    const paid = await w.call('orders', FAMILY, { action: 'list', status: 'paid' })
    expect(paid.ok && paid.data.items.map((o: { orderId: string }) => o.orderId)).toEqual([ids[0]])
  })
})
