import { dumpDatabase } from '../../support/test-platform'
import { paidEvent } from '../../support/outbox'
import { deliverNotifyLocally } from '../../../cloudfunctions/platform/local/sandbox-pay/deliver-notify'
import { payNotifyPayload } from '../../../cloudfunctions/platform/local/sandbox-pay/sandbox-notify-payloads'
import { overrideOrderTypeHooks } from '../../../cloudfunctions/core/orders/order-type-hooks'
import { wrapNotify, toWechatReply } from '../../../cloudfunctions/contracts/paycallback-envelope'
import { CLEANING, createServiceOrder, openOrderWorld, orderDoc, paidOrder, payWithLostNotify, type OrderWorld } from './order-test-kit'

describe('pay notify: verified, idempotent, fast', () => {
  let w: OrderWorld
  let restore: () => void
  const onPaid: string[] = []
  beforeEach(async () => {
    w = await openOrderWorld()
    onPaid.length = 0
    // Like a real hook: its effect is keyed by order id, so a repeated call changes nothing.
    const done = new Set<string>()
    restore = overrideOrderTypeHooks(w.platform, 'service', {
      onPaid: async (_ctx, order) => {
        if (!done.has(order._id)) onPaid.push(order._id)
        done.add(order._id)
      },
    })
  })
  afterEach(() => {
    restore()
    w.close()
  })

  async function unpaid() {
    const res = await createServiceOrder(w)
    if (!res.ok) throw new Error(res.code)
    return res.data
  }
  const deliver = (payload: Record<string, unknown>) => deliverNotifyLocally(w.platform, payload)

  it('a replayed notify (5 times, in a row and all at once) moves the order exactly once', async () => {
    const id = await paidOrder(w)
    for (let i = 0; i < 5; i++) expect(await w.sandbox.redeliverPayNotify(id)).toEqual({ errcode: 0, errmsg: 'OK' })
    const burst = await Promise.all(Array.from({ length: 5 }, () => w.sandbox.redeliverPayNotify(id)))
    expect(burst.every((r) => r.errcode === 0)).toBe(true)
    const order = await orderDoc(w, id)
    expect(order.history.filter((h) => h.to === 'paid')).toHaveLength(1)
    expect(order).toMatchObject({ status: 'paid', paidFen: CLEANING.priceFen })
    expect(await paidEvent(w, id)).toMatchObject({ state: 'done', topic: 'order.paid', subjectId: id })
    expect(onPaid).toEqual([id])
  })

  it('five copies of the first notify racing each other: one transition, one hook effect', async () => {
    const { order, payment } = await unpaid()
    await payWithLostNotify(w, payment.prepayId)
    const payload = payNotifyPayload(w.sandbox.store.tx(order.orderId)!)
    const replies = await Promise.all(Array.from({ length: 5 }, () => deliver(payload)))
    expect(replies.every((r) => r.errcode === 0)).toBe(true)
    expect((await orderDoc(w, order.orderId)).history.map((h) => h.to)).toEqual(['created', 'paid'])
    expect(onPaid).toEqual([order.orderId])
  })

  it('a notify for an unknown order is refused, logged, and writes nothing', async () => {
    const { order, payment } = await unpaid()
    await w.sandbox.confirm(payment.prepayId, 'demo-owner')
    const payload = { ...payNotifyPayload(w.sandbox.store.tx(order.orderId)!), outTradeNo: 'od00000000000000000000000000000000' }
    const before = dumpDatabase(w.platform)
    expect((await deliver(payload)).errcode).not.toBe(0)
    expect(dumpDatabase(w.platform)).toEqual(before)
    expect(w.logs).toContainEqual(expect.objectContaining({ event: 'pay.notify.refused', fields: expect.objectContaining({ reason: 'unknown_order' }) }))
  })

  it('a notify with the wrong amount is refused and logged; the order stays unpaid', async () => {
    const { order, payment } = await unpaid()
    await payWithLostNotify(w, payment.prepayId)
    const payload = { ...payNotifyPayload(w.sandbox.store.tx(order.orderId)!), totalFee: 1, cashFee: 1 }
    const before = dumpDatabase(w.platform)
    expect(await deliver(payload)).toMatchObject({ errcode: 1, errmsg: 'amount mismatch' })
    expect(dumpDatabase(w.platform)).toEqual(before)
    expect(w.logs).toContainEqual(expect.objectContaining({ level: 'error', event: 'pay.notify.refused', fields: expect.objectContaining({ reason: 'amount_mismatch', orderId: order.orderId }) }))
  })

  it('a forged notify (right order and amount, but never paid) is refused after asking the gateway', async () => {
    const { order } = await unpaid()
    const forged = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: order.orderId, totalFee: CLEANING.priceFen, transactionId: '4200000000000000000000000001', timeEnd: '20261122100000' }
    const before = dumpDatabase(w.platform)
    expect((await deliver(forged)).errcode).toBe(1)
    expect(dumpDatabase(w.platform)).toEqual(before)
    expect(w.logs).toContainEqual(expect.objectContaining({ event: 'pay.notify.refused', fields: expect.objectContaining({ reason: 'not_confirmed_by_gateway', gatewayState: 'NOTPAY' }) }))
  })

  it('malformed notifies (no order id, amount as text) are refused before anything is read', async () => {
    const before = dumpDatabase(w.platform)
    expect((await deliver({ returnCode: 'SUCCESS', resultCode: 'SUCCESS' })).errcode).toBe(1)
    expect((await deliver({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'x', totalFee: 'lots' })).errcode).toBe(1)
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it('a failure notify (resultCode FAIL) is acknowledged and changes nothing', async () => {
    const { order } = await unpaid()
    const before = dumpDatabase(w.platform)
    expect(await deliver({ returnCode: 'SUCCESS', resultCode: 'FAIL', outTradeNo: order.orderId })).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it('a late notify after the order was cancelled gives the money straight back', async () => {
    const { order } = await unpaid()
    // Simulate the one gap closeOrder cannot cover: the gateway took the payment, yet we cancelled.
    await w.call('orders', 'demo-owner', { action: 'cancel', requestId: 'cancel-late-1', orderId: order.orderId })
    const t = w.sandbox.store.tx(order.orderId)!
    w.sandbox.store.saveTx({ ...t, state: 'SUCCESS', transactionId: '4200000000000000000000000099', paidAt: w.clock.now().toISOString() })
    const reply = await deliver(payNotifyPayload(w.sandbox.store.tx(order.orderId)!))
    expect(reply.errcode).toBe(0)
    await w.sandbox.settleRefunds()
    expect(await orderDoc(w, order.orderId)).toMatchObject({ status: 'cancelled', paidFen: CLEANING.priceFen, refundedFen: CLEANING.priceFen, pendingRefundFen: 0 })
  })

  it('the production entry wraps the bare WeChat event and answers { errcode, errmsg }', () => {
    expect(wrapNotify({ returnCode: 'SUCCESS', outTradeNo: 'o1', userInfo: { openId: 'x' } })).toEqual({ action: 'payNotify', notify: { returnCode: 'SUCCESS', outTradeNo: 'o1' } })
    expect(wrapNotify({ returnCode: 'SUCCESS', reqInfo: { outRefundNo: 'r1' } })).toMatchObject({ action: 'refundNotify' })
    expect(toWechatReply({ ok: false, code: 'INTERNAL', message: '系统繁忙' })).toEqual({ errcode: 1, errmsg: 'INTERNAL' })
  })
})
