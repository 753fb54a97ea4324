import { createTestWorld, rid, type TestWorld } from '../tests/support/test-platform'
import type { SandboxPayments } from '../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import { deliverNotifyLocally } from '../cloudfunctions/platform/local/sandbox-pay/deliver-notify'
import { payNotifyPayload } from '../cloudfunctions/platform/local/sandbox-pay/sandbox-notify-payloads'
import { ORDER_COLLECTIONS } from '../cloudfunctions/core/orders/order.model'
import { must } from '../cloudfunctions/core/kernel/db-result'
import { perSecond, type BenchRow } from './bench-table'

const OWNER = 'demo-owner'
const SIZES = [1_000, 100_000]
const THROUGHPUT_ORDERS = 300

/** Background orders of other households, in every status, so the indexes have real work to skip. */
async function fillOrders(world: TestWorld, count: number): Promise<void> {
  const statuses = ['completed', 'paid', 'cancelled', 'refunded', 'fulfilled']
  const now = world.clock.now()
  for (let i = 0; i < count; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - i) }, (_, k) => {
      const n = i + k
      return {
        _id: `bg${String(n).padStart(10, '0')}`,
        type: 'service',
        communityId: 'c-sunshine',
        householdId: `h-bg-${n % 5000}`,
        payerOpenid: `bg-${n % 5000}`,
        title: '上门保洁（2小时）',
        lines: [{ refType: 'service_item', refId: 'svc-cleaning', title: '上门保洁（2小时）', quantity: 1, unitPriceFen: 8800, amountFen: 8800 }],
        amountFen: 8800,
        status: statuses[n % statuses.length],
        listed: true,
        reservation: 'none',
        paidFen: 8800,
        refundedFen: 0,
        pendingRefundFen: 0,
        resumeStatus: null,
        payment: null,
        prepay: null,
        attributedStewardOpenid: null,
        history: [],
        requestHash: 'x',
        createdAt: new Date(now.getTime() - n * 1000),
        updatedAt: now,
        expiresAt: new Date(now.getTime() - n * 1000 + 900_000),
      }
    })
    must(await world.platform.db.collection(ORDER_COLLECTIONS.orders).add(batch))
  }
}

/** Average wire calls of one use case, measured over a few repetitions. */
async function opsOf(world: TestWorld, runs: number, body: () => Promise<unknown>): Promise<number> {
  const engine = world.platform.local.engine
  let total = 0
  for (let i = 0; i < runs; i++) {
    engine.resetCallCount()
    await body()
    total += engine.callCount
  }
  return total / runs
}

async function createOrder(world: TestWorld) {
  const res = await world.call('orders', OWNER, { action: 'createServiceOrder', requestId: rid('bench'), householdId: 'h-1-1-101', serviceItemId: 'svc-cleaning' })
  if (!res.ok) throw new Error(`create failed: ${res.code}`)
  return res.data as { order: { orderId: string }; payment: { prepayId: string } }
}

/** Pay at the sandbox without delivering, and return the notify payload WeChat would send. */
function payQuietly(sandbox: SandboxPayments, orderId: string, prepayId: string) {
  const t = sandbox.store.txByPrepay(prepayId)!
  sandbox.store.saveTx({ ...t, state: 'SUCCESS', transactionId: `4200${orderId.slice(2, 26)}`, paidAt: new Date().toISOString() })
  return payNotifyPayload(sandbox.store.tx(orderId)!)
}

export default async function ordersBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const size of SIZES) {
    const world = await createTestWorld({ seed: true })
    const sandbox = world.platform.ports.payments as SandboxPayments
    sandbox.autoSettleRefunds = false
    await fillOrders(world, size)
    const label = `${(size / 1000).toFixed(0)}k orders`

    const create = await opsOf(world, 5, () => createOrder(world))
    const notifyPayloads: Record<string, unknown>[] = []
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const o = await createOrder(world)
      ids.push(o.order.orderId)
      notifyPayloads.push(payQuietly(sandbox, o.order.orderId, o.payment.prepayId))
    }
    let k = 0
    const notify = await opsOf(world, 5, () => deliverNotifyLocally(world.platform, notifyPayloads[k++]))
    k = 0
    const replay = await opsOf(world, 5, () => deliverNotifyLocally(world.platform, notifyPayloads[k++]))
    k = 0
    const refund = await opsOf(world, 5, () => world.console('orders', { action: 'refund', requestId: rid('r'), orderId: ids[k++], amountFen: 1000, reason: 'bench' }))
    const refundNotify = await opsOf(world, 1, () => sandbox.settleRefunds())
    rows.push(
      { area: 'orders', metric: `DB ops per create (${label})`, value: create.toFixed(1), note: 'createServiceOrder: idempotency key, access, item, order, prepay' },
      { area: 'orders', metric: `DB ops per pay notify (${label})`, value: notify.toFixed(1), note: `replayed notify: ${replay.toFixed(1)}` },
      { area: 'orders', metric: `DB ops per refund (${label})`, value: refund.toFixed(1), note: `settling its notify: ${(refundNotify / 5).toFixed(1)}` },
    )

    if (size === SIZES[0]) {
      const payloads: Record<string, unknown>[] = []
      for (let i = 0; i < THROUGHPUT_ORDERS; i++) {
        const o = await createOrder(world)
        payloads.push(payQuietly(sandbox, o.order.orderId, o.payment.prepayId))
      }
      let started = Date.now()
      for (const p of payloads.slice(0, THROUGHPUT_ORDERS / 2)) await deliverNotifyLocally(world.platform, p)
      const sequentialMs = Date.now() - started
      started = Date.now()
      const rest = payloads.slice(THROUGHPUT_ORDERS / 2)
      for (let i = 0; i < rest.length; i += 10) await Promise.all(rest.slice(i, i + 10).map((p) => deliverNotifyLocally(world.platform, p)))
      const concurrentMs = Date.now() - started
      rows.push(
        { area: 'orders', metric: 'pay notify throughput, one at a time', value: perSecond(THROUGHPUT_ORDERS / 2, sequentialMs), note: `${((sequentialMs / (THROUGHPUT_ORDERS / 2))).toFixed(1)} ms each (WeChat's limit: 5 s)` },
        { area: 'orders', metric: 'pay notify throughput, 10 concurrent', value: perSecond(THROUGHPUT_ORDERS / 2, concurrentMs), note: 'local engine, one process' },
      )
    }
    sandbox.close()
    world.close()
  }
  return rows
}
