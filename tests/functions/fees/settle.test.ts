import { rid } from '../../support/test-platform'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { FEE_COLLECTIONS } from '../../../cloudfunctions/core/fees/fee.model'
import { ORDER_COLLECTIONS, type RefundDoc } from '../../../cloudfunctions/core/orders/order.model'
import { billDoc, FAMILY, openFeesWorld, OWNER, payAndConfirm, unpaidIds, type FeesWorld } from './fees-test-kit'

async function receiptsOf(world: FeesWorld, orderId: string) {
  return must(await world.platform.db.collection(FEE_COLLECTIONS.receipts).where({ _id: orderId }).limit(10).get()).data as any[]
}

async function refundsOf(world: FeesWorld, orderId: string) {
  return must(await world.platform.db.collection(ORDER_COLLECTIONS.refunds).where({ orderId }).limit(10).get()).data as RefundDoc[]
}

describe('payment settlement of fee orders', () => {
  let world: FeesWorld
  beforeEach(async () => {
    world = await openFeesWorld()
  })
  afterEach(() => world.close())

  it('a repeated pay notify changes nothing the second time', async () => {
    const ids = await unpaidIds(world)
    const orderId = await payAndConfirm(world, ids)
    const bill = await billDoc(world, ids[0])
    const reply = await world.sandbox.redeliverPayNotify(orderId)
    expect(reply.errcode).toBe(0)
    expect(await billDoc(world, ids[0])).toEqual(bill)
    expect(await receiptsOf(world, orderId)).toHaveLength(1)
  })

  it('a full refund by ops makes the bills owed again and marks the receipt refunded', async () => {
    const ids = await unpaidIds(world)
    const orderId = await payAndConfirm(world, ids)
    const refund = await world.console('orders', { action: 'refund', requestId: rid('refund'), orderId, reason: '重复缴费' })
    expect(refund.ok).toBe(true)
    await world.sandbox.settleRefunds()
    expect(await billDoc(world, ids[0])).toMatchObject({ status: 'unpaid', paidOrderId: null, paidFen: 0 })
    expect(await unpaidIds(world)).toEqual(ids)
    const history = await world.call('fees', OWNER, { action: 'history' })
    expect(history.data.items.find((r: any) => r.receiptId === orderId)).toMatchObject({ refunded: true })
  })

  it('a bill paid by two orders (its lock lapsed) stays with the first payer; the second payment of it is refunded', async () => {
    const [billId] = await unpaidIds(world)
    const first = await world.call('fees', OWNER, { action: 'pay', requestId: rid('pay'), billIds: [billId] })
    // Simulate a lock that lapsed while the owner's WeChat payment sheet was still open.
    must(await world.platform.db.collection(FEE_COLLECTIONS.bills).doc(billId).update({ lockUntil: new Date(0) }))
    const secondId = await payAndConfirm(world, [billId], FAMILY)
    const { reply } = await world.sandbox.confirm(first.data.payment.prepayId, OWNER)
    expect(reply.errcode).toBe(0)
    expect(await billDoc(world, billId)).toMatchObject({ status: 'paid', paidOrderId: secondId, payerOpenid: FAMILY })
    const refunds = await refundsOf(world, first.data.orderId)
    expect(refunds).toEqual([expect.objectContaining({ amountFen: first.data.amountFen, requestedBy: 'system' })])
    expect(await receiptsOf(world, first.data.orderId)).toHaveLength(0)
    await world.sandbox.settleRefunds()
    // Refunding the duplicate does not touch the bill the other order paid.
    expect(await billDoc(world, billId)).toMatchObject({ status: 'paid', paidOrderId: secondId })
  })
})
