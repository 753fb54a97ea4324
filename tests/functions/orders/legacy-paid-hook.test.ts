import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { ORDER_COLLECTIONS, type OrderDoc } from '../../../cloudfunctions/core/orders/order.model'
import { OUTBOX_COLLECTIONS } from '../../../cloudfunctions/core/outbox'
import { FEE_COLLECTIONS, type ReceiptDoc } from '../../../cloudfunctions/core/fees/fee.model'
import { ATTRIBUTION_COLLECTIONS } from '../../../cloudfunctions/core/attribution/attribution.model'
import { paidEvent } from '../../support/outbox'
import { dumpDatabase } from '../../support/test-platform'
import { billDoc, openFeesWorld, OWNER, payAndConfirm, unpaidIds, type FeesWorld } from '../fees/fees-test-kit'
import { callerIn } from '../../support/typed-world'
import { feesContract } from '../../../cloudfunctions/contracts/fees.contract'

/**
 * Orders paid before the outbox, still carrying `paidHook: 'pending'`, are moved into the outbox by the
 * orders.processOutbox timer (core/orders/legacy-paid-hook.ts): their effects run once, a second run
 * changes nothing, and an order refunded meanwhile gets no paid effects.
 */
describe('legacy paidHook migration: old pending orders get their paid effects exactly once', () => {
  let w: FeesWorld
  beforeEach(async () => {
    w = await openFeesWorld()
  })
  afterEach(() => w.close())

  const orders = () => w.platform.db.collection(ORDER_COLLECTIONS.orders)
  const receiptsOf = async (orderId: string) => must(await w.platform.db.collection(FEE_COLLECTIONS.receipts).where({ _id: orderId }).get()).data as ReceiptDoc[]
  const attributionsOf = async (orderId: string) => (must(await w.platform.db.collection(ATTRIBUTION_COLLECTIONS.attributions).where({ _id: orderId }).get()).data as unknown[]).length
  const processOutbox = () => w.timer('orders', 'processOutbox')
  /** What the old code left when it crashed after the paid write, before its hook: the order paid and marked, nothing else. */
  async function legacyPaidBeforeHook(): Promise<{ orderId: string; billIds: string[] }> {
    const billIds = (await unpaidIds(w)).slice(0, 2)
    const placed = await callerIn(w, OWNER).call(feesContract, 'pay', { billIds })
    const order = (must(await orders().doc(placed.orderId).get()).data as OrderDoc[])[0]
    const paidAt = w.clock.now()
    must(await orders().doc(placed.orderId).update({ status: 'paid', payment: { transactionId: `legacy-${placed.orderId}`, paidAt }, paidFen: order.amountFen, listed: true, paidHook: 'pending' }))
    return { orderId: placed.orderId, billIds }
  }

  it('an order whose hook never ran: bills paid and a receipt in one transaction, the effects run, the marker goes; a second run changes nothing', async () => {
    const { orderId, billIds } = await legacyPaidBeforeHook()
    expect(await paidEvent(w, orderId)).toBeUndefined()
    const run = await processOutbox()
    expect(run).toMatchObject({ ok: true, data: { legacy: { movedToOutbox: 1, skipped: 0 } } })
    for (const id of billIds) expect(await billDoc(w, id)).toMatchObject({ status: 'paid', paidOrderId: orderId })
    expect(await receiptsOf(orderId)).toHaveLength(1)
    expect(await paidEvent(w, orderId)).toMatchObject({ state: 'done' })
    expect(await attributionsOf(orderId)).toBe(1)
    const order = (must(await orders().doc(orderId).get()).data as (OrderDoc & { paidHook?: string })[])[0]
    expect(order.paidHook).toBeUndefined()

    const before = dumpDatabase(w.platform, ['idempotency_keys'])
    w.clock.advance(5 * 60_000)
    expect(await processOutbox()).toMatchObject({ ok: true, data: { legacy: { movedToOutbox: 0, skipped: 0 } } })
    expect(dumpDatabase(w.platform, ['idempotency_keys'])).toEqual(before)
  })

  it('an order whose old hook had already run (bills, receipt, attribution): moved without a second receipt or attribution', async () => {
    const billIds = (await unpaidIds(w)).slice(0, 1)
    const orderId = await payAndConfirm(w, billIds)
    expect(await receiptsOf(orderId)).toHaveLength(1)
    expect(await attributionsOf(orderId)).toBe(1)
    // As the old code left it: no outbox event, the marker still pending (the crash came before "done").
    must(await w.platform.db.collection(OUTBOX_COLLECTIONS.events).doc(`order.paid:${orderId}`).remove())
    must(await orders().doc(orderId).update({ paidHook: 'pending' }))
    const receipt = (await receiptsOf(orderId))[0]
    expect(await processOutbox()).toMatchObject({ ok: true, data: { legacy: { movedToOutbox: 1 } } })
    expect(await receiptsOf(orderId)).toEqual([receipt])
    expect(await attributionsOf(orderId)).toBe(1)
    expect(await paidEvent(w, orderId)).toMatchObject({ state: 'done' })
  })

  it('an order refunded before its hook finished gets no paid effects: the marker goes and ops find it in the log', async () => {
    const { orderId, billIds } = await legacyPaidBeforeHook()
    must(await orders().doc(orderId).update({ status: 'refunded' }))
    const warnings: string[] = []
    const warn = w.platform.logger.warn.bind(w.platform.logger)
    w.platform.logger.warn = (event: string, fields?: Record<string, unknown>) => {
      warnings.push(event)
      warn(event, fields)
    }
    expect(await processOutbox()).toMatchObject({ ok: true, data: { legacy: { movedToOutbox: 0, skipped: 1 } } })
    expect(warnings).toContain('orders.legacy_paid_hook_skipped')
    expect(await paidEvent(w, orderId)).toBeUndefined()
    expect(await receiptsOf(orderId)).toEqual([])
    for (const id of billIds) expect((await billDoc(w, id)).status).toBe('unpaid')
    const order = (must(await orders().doc(orderId).get()).data as (OrderDoc & { paidHook?: string })[])[0]
    expect(order.paidHook).toBeUndefined()
  })
})
