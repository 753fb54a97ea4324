import { rid } from '../../support/test-platform'
import { runOutboxTimer } from '../../support/outbox'
import { crashAtCall } from '../../support/crash-at-call'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import type { OutboxEvent } from '../../../cloudfunctions/core/kernel/outbox'
import { OUTBOX_COLLECTIONS, outboxEventId } from '../../../cloudfunctions/core/outbox'
import { ATTRIBUTION_COLLECTIONS } from '../../../cloudfunctions/core/attribution/attribution.model'
import { orderDoc } from '../attribution/attribution-test-kit'
import { buy, entries, JIEJIA, ODD, OWNER, openMerchantWorld, shares, type MerchantWorld } from './merchants-test-kit'

/**
 * The `order.fulfilled` and `order.refunded` outbox topics under fault injection, in the style of
 * tests/functions/orders/outbox-faults.test.ts: the fulfilled move (merchant staff's 已完成) and a refund's
 * settlement are each crashed at every database call in turn. Once the caller's retry and the outbox timer
 * have run, every follow-up — commission accrual / claw-back, the merchant's sale / deduction, the 分账
 * split / return, the split on the order — must have happened exactly once.
 */
describe('order.fulfilled and order.refunded: a crash at every step loses no effect and applies none twice', () => {
  let w: MerchantWorld
  beforeAll(async () => {
    w = await openMerchantWorld('2026-11-03T02:00:00.000Z')
  }, 60_000)
  afterAll(() => w.close())

  const event = async (topic: string, subject: string) =>
    (must(await w.platform.db.collection(OUTBOX_COLLECTIONS.events).doc(outboxEventId(topic, subject)).get()).data as OutboxEvent[])[0]
  const attributionLedger = async (orderId: string) =>
    must(await w.platform.db.collection(ATTRIBUTION_COLLECTIONS.ledger).where({ orderId }).limit(100).get()).data as { kind: string; amountFen: number }[]

  /** The shared crash helper; a crashed call's error is the run's value here (the caller's retry follows). */
  const withFaultAt = <T>(n: number, fn: () => Promise<T>) => crashAtCall(w.platform.local.engine, n, () => fn().catch((e: Error) => e))

  const markDone = (orderId: string, requestId: string) => w.call('merchants', JIEJIA.staffOpenid, { action: 'markDelivered', requestId, orderId })

  /** Everything a fulfilment sets off, counted for one order. */
  async function fulfilledFacts(orderId: string) {
    const ledger = await attributionLedger(orderId)
    return {
      status: (await orderDoc(w, orderId)).status,
      event: (await event('order.fulfilled', orderId))?.state ?? null,
      accruals: ledger.filter((e) => e.kind === 'accrual').length,
      sales: (await entries(w, orderId)).filter((e) => e.kind === 'sale').length,
      splits: (await shares(w, orderId)).filter((s) => s.kind === 'split').map((s) => s.amountFen),
    }
  }
  const FULFILLED_ONCE = { status: 'fulfilled', event: 'done', accruals: 1, sales: 1, splits: [11357] }

  it('merchant staff’s 已完成 crashed at each of its database calls: after their retry and the timer, each effect once', async () => {
    const probe = await buy(w, OWNER.openid, OWNER.household, ODD)
    const clean = await withFaultAt(0, () => markDone(probe, rid('done')))
    expect(clean.value).toMatchObject({ ok: true })
    expect(await fulfilledFacts(probe)).toEqual(FULFILLED_ONCE)
    const calls = clean.calls
    expect(calls).toBeGreaterThan(8)

    const problems: string[] = []
    let fired = 0
    let committedThenCrashed = 0
    for (let n = 1; n <= calls; n++) {
      const orderId = await buy(w, OWNER.openid, OWNER.household, ODD)
      const requestId = rid('done')
      const run = await withFaultAt(n, () => markDone(orderId, requestId))
      if (run.faulted) fired += 1
      const crashed = run.value instanceof Error || !(run.value as { ok: boolean }).ok
      if (crashed && (await orderDoc(w, orderId)).status === 'fulfilled') committedThenCrashed += 1
      // The app retries the tap with the same request id; then the minute timer runs.
      if (crashed) await markDone(orderId, requestId)
      const timer = await runOutboxTimer(w)
      if (!timer.ok) problems.push(`call ${n}: outbox timer failed ${timer.code}`)
      const got = await fulfilledFacts(orderId)
      if (JSON.stringify(got) !== JSON.stringify(FULFILLED_ONCE)) problems.push(`call ${n}/${calls} (${run.faultAction}): ${JSON.stringify(got)}`)
    }
    expect(problems).toEqual([])
    // The first fulfilment of the month makes a few more calls (rollup shards created) than later ones.
    expect(fired).toBeGreaterThan(calls - 10)
    // Some crashes hit after the fulfilled move had committed: the outbox, not the retry, finished those.
    expect(committedThenCrashed).toBeGreaterThan(0)
  }, 300_000)

  /** What a refund of 4115 (a third) of a fulfilled ODD order sets off. */
  async function refundedFacts(orderId: string) {
    const ledger = await attributionLedger(orderId)
    const split = (await orderDoc(w, orderId)).split
    return {
      reversals: ledger.filter((e) => e.kind === 'reversal').map((e) => e.amountFen),
      deductions: (await entries(w, orderId)).filter((e) => e.kind === 'refund').map((e) => e.merchantFen),
      returns: (await shares(w, orderId)).filter((s) => s.kind === 'return').map((s) => s.amountFen),
      orderSplit: split ? [split.gross, split.merchant, split.property, split.steward] : null,
    }
  }
  const REFUNDED_ONCE = { reversals: [206], deductions: [3785], returns: [3785], orderSplit: [8230, 7572, 247, 411] }

  it('a refund’s settlement crashed at each of its database calls: after WeChat’s repeat and the timer, each effect once', async () => {
    const fulfilledOrder = async () => {
      const orderId = await buy(w, OWNER.openid, OWNER.household, ODD)
      expect(await markDone(orderId, rid('done'))).toMatchObject({ ok: true })
      await w.timer('merchants', 'profitSharingReconcile') // the split is paid out, so a return can follow
      const asked = await w.console('orders', { action: 'refund', requestId: rid('rf'), orderId, amountFen: 4115, reason: '协商退款' })
      expect(asked).toMatchObject({ ok: true })
      return orderId
    }
    const probe = await fulfilledOrder()
    const clean = await withFaultAt(0, () => w.sandbox.settleRefunds())
    expect(clean.value).not.toBeInstanceOf(Error)
    await w.timer('merchants', 'profitSharingReconcile')
    expect(await refundedFacts(probe)).toEqual(REFUNDED_ONCE)
    const calls = clean.calls
    expect(calls).toBeGreaterThan(5)

    const problems: string[] = []
    let fired = 0
    for (let n = 1; n <= calls; n++) {
      const orderId = await fulfilledOrder()
      const run = await withFaultAt(n, () => w.sandbox.settleRefunds())
      if (run.faulted) fired += 1
      // A refund whose notify was not answered is asked about by the orders reconcile timer (10 minutes on).
      w.clock.advance(11 * 60_000)
      const reconciled = await w.timer('orders', 'reconcilePayments')
      if (!reconciled.ok) problems.push(`call ${n}: reconcile failed ${reconciled.code}`)
      const timer = await runOutboxTimer(w)
      if (!timer.ok) problems.push(`call ${n}: outbox timer failed ${timer.code}`)
      await w.timer('merchants', 'profitSharingReconcile')
      const got = await refundedFacts(orderId)
      if (JSON.stringify(got) !== JSON.stringify(REFUNDED_ONCE)) problems.push(`call ${n}/${calls} (${run.faultAction}): ${JSON.stringify(got)}`)
    }
    expect(problems).toEqual([])
    expect(fired).toBeGreaterThan(calls - 5)
  }, 300_000)
})
