import { dumpDatabase, rid } from '../../support/test-platform'
import { deliverNotifyLocally } from '../../../cloudfunctions/platform/local/sandbox-pay/deliver-notify'
import { refundNotifyPayload } from '../../../cloudfunctions/platform/local/sandbox-pay/sandbox-notify-payloads'
import { overrideOrderTypeHooks } from '../../../cloudfunctions/core/orders/order-type-hooks'
import { requestRefund } from '../../../cloudfunctions/core/orders/refund.service'
import { CLEANING, openOrderWorld, opsRefund, orderDoc, paidOrder, refundDocs, type OrderWorld } from './order-test-kit'

describe('refunds: full and partial, each its own record, never more than paid', () => {
  let w: OrderWorld
  let restore: () => void
  const refunded: string[] = []
  beforeEach(async () => {
    w = await openOrderWorld()
    refunded.length = 0
    const seen = new Set<string>()
    restore = overrideOrderTypeHooks(w.platform, 'service', {
      userRefundable: (o) => o.status === 'paid',
      onRefunded: async (_ctx, _order, refund) => {
        if (!seen.has(refund._id)) refunded.push(refund._id)
        seen.add(refund._id)
      },
    })
  })
  afterEach(() => {
    restore()
    w.close()
  })
  const ctx = () => ({ platform: w.platform, now: () => w.clock.now() })

  it('partial refunds add up; each has its own id; the last one makes the order refunded', async () => {
    const id = await paidOrder(w)
    const a = await opsRefund(w, id, 3000)
    const b = await opsRefund(w, id, 2000)
    expect(a.ok && b.ok && a.data.refund.refundId !== b.data.refund.refundId).toBe(true)
    await w.sandbox.settleRefunds()
    expect(await orderDoc(w, id)).toMatchObject({ status: 'paid', refundedFen: 5000, pendingRefundFen: 0 })
    const rest = await opsRefund(w, id)
    expect(rest).toMatchObject({ ok: true, data: { refund: { amountFen: CLEANING.priceFen - 5000 } } })
    await w.sandbox.settleRefunds()
    expect(await orderDoc(w, id)).toMatchObject({ status: 'refunded', refundedFen: CLEANING.priceFen })
    expect((await refundDocs(w, id)).map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded'])
    expect(refunded).toHaveLength(3)
  })

  it('refunding more than was paid is refused and writes nothing — at once, and after earlier refunds', async () => {
    const id = await paidOrder(w)
    let before = dumpDatabase(w.platform)
    expect(await opsRefund(w, id, CLEANING.priceFen + 1)).toMatchObject({ ok: false, code: 'ORDER.REFUND_EXCEEDS_PAID' })
    expect(dumpDatabase(w.platform)).toEqual(before)
    await opsRefund(w, id, 8000)
    before = dumpDatabase(w.platform)
    expect(await opsRefund(w, id, 801)).toMatchObject({ ok: false, code: 'ORDER.REFUND_EXCEEDS_PAID' })
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it('two refunds racing for more than is left: exactly one wins, the total never exceeds the payment', async () => {
    const id = await paidOrder(w)
    const [r1, r2] = await Promise.all([opsRefund(w, id, 6000), opsRefund(w, id, 6000)])
    expect([r1.ok, r2.ok].filter(Boolean)).toHaveLength(1)
    expect([r1, r2].find((r) => !r.ok)).toMatchObject({ code: 'ORDER.REFUND_EXCEEDS_PAID' })
    await w.sandbox.settleRefunds()
    expect(await orderDoc(w, id)).toMatchObject({ refundedFen: 6000, pendingRefundFen: 0, status: 'paid' })
    expect(await refundDocs(w, id)).toHaveLength(1)
  })

  it('six refunds racing (3000 each of 8800): two fit, and the gateway never sees more than was paid', async () => {
    const id = await paidOrder(w)
    const results = await Promise.all(Array.from({ length: 6 }, () => opsRefund(w, id, 3000)))
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    expect(w.sandbox.store.refundsOf(id).reduce((s, r) => s + r.refundFen, 0)).toBe(6000)
    await w.sandbox.settleRefunds()
    expect(await orderDoc(w, id)).toMatchObject({ refundedFen: 6000, pendingRefundFen: 0 })
  })

  it('the same refund request twice (a retried call) is one refund', async () => {
    const id = await paidOrder(w)
    const requestId = rid()
    await opsRefund(w, id, 1000, requestId)
    await opsRefund(w, id, 1000, requestId)
    await requestRefund(ctx(), { orderId: id, amountFen: 1000, reason: '协商退款', by: 'ops', requestedBy: 'ops', refundKey: requestId })
    expect(await refundDocs(w, id)).toHaveLength(1)
    expect(w.sandbox.store.refundsOf(id)).toHaveLength(1)
  })

  it('a refund notify replayed 5 times settles once; unknown and mismatched refund notifies are refused', async () => {
    const id = await paidOrder(w)
    const res = await opsRefund(w, id, 2500)
    if (!res.ok) throw new Error(res.code)
    await w.sandbox.settleRefunds()
    const r = w.sandbox.store.refund(res.data.refund.refundId)!
    const payload = refundNotifyPayload(r, w.sandbox.store.tx(id)!)
    const replies = await Promise.all(Array.from({ length: 5 }, () => deliverNotifyLocally(w.platform, payload)))
    expect(replies.every((x) => x.errcode === 0)).toBe(true)
    expect(await orderDoc(w, id)).toMatchObject({ refundedFen: 2500, pendingRefundFen: 0 })
    expect(refunded).toEqual([res.data.refund.refundId])

    const before = dumpDatabase(w.platform)
    const info = payload.reqInfo as Record<string, unknown>
    expect((await deliverNotifyLocally(w.platform, { ...payload, reqInfo: { ...info, outRefundNo: 'rf-unknown' } })).errcode).toBe(1)
    expect((await deliverNotifyLocally(w.platform, { ...payload, reqInfo: { ...info, refundFee: 9999 } })).errcode).toBe(1)
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it('a refund notify claiming success before the gateway has it is refused (re-queried), then accepted later', async () => {
    const id = await paidOrder(w)
    const res = await opsRefund(w, id, 1000)
    if (!res.ok) throw new Error(res.code)
    const processing = w.sandbox.store.refund(res.data.refund.refundId)!
    const early = refundNotifyPayload({ ...processing, state: 'SUCCESS' }, w.sandbox.store.tx(id)!)
    expect((await deliverNotifyLocally(w.platform, early)).errcode).toBe(1)
    expect((await orderDoc(w, id)).status).toBe('refunding')
    await w.sandbox.settleRefunds()
    expect(await orderDoc(w, id)).toMatchObject({ status: 'paid', refundedFen: 1000 })
  })

  it('the gateway refusing a refund settles it as failed and gives the amount back', async () => {
    const id = await paidOrder(w)
    // The gateway already refunded 8000 through another channel (merchant console): ours no longer fits.
    w.sandbox.store.saveRefund({ refundNo: 'console-refund', orderNo: id, refundId: 'x', refundFen: 8000, state: 'SUCCESS', succeededAt: null })
    const res = await opsRefund(w, id, 1000)
    expect(res).toMatchObject({ ok: true, data: { refund: { status: 'failed' }, order: { status: 'paid', refundableFen: CLEANING.priceFen } } })
  })
})
