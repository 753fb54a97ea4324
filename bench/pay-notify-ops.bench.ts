import { createTestWorld, rid } from '../tests/support/test-platform'
import type { SandboxPayments } from '../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import { deliverNotifyLocally } from '../cloudfunctions/platform/local/sandbox-pay/deliver-notify'
import { payNotifyPayload } from '../cloudfunctions/platform/local/sandbox-pay/sandbox-notify-payloads'
import type { BenchRow } from './bench-table'

const OWNER = 'demo-owner'
const RUNS = 20

/**
 * Where a pay notify's database operations go: every wire call of one notify of a service order (the
 * demo owner, attributed to the home steward, a member of no group), by action and collection, averaged,
 * plus its latency one at a time. `npm run bench -- pay-notify-ops`.
 */
export default async function payNotifyOpsBench(): Promise<BenchRow[]> {
  const world = await createTestWorld({ seed: true })
  try {
    const sandbox = world.platform.ports.payments as SandboxPayments
    const payloads: Record<string, unknown>[] = []
    for (let i = 0; i < RUNS + 5; i++) {
      const res = await world.call('orders', OWNER, { action: 'createServiceOrder', requestId: rid('po'), householdId: 'h-1-1-101', serviceItemId: 'svc-cleaning' })
      if (!res.ok) throw new Error(`create failed: ${res.code}`)
      const t = sandbox.store.txByPrepay(res.data.payment.prepayId)!
      sandbox.store.saveTx({ ...t, state: 'SUCCESS', transactionId: `4200${res.data.order.orderId.slice(2, 26)}`, paidAt: new Date().toISOString() })
      payloads.push(payNotifyPayload(sandbox.store.tx(res.data.order.orderId)!))
    }
    // Warm-up (compiled query shapes, statement caches), not counted.
    for (const p of payloads.slice(0, 5)) await deliverNotifyLocally(world.platform, p)
    const engine = world.platform.local.engine
    const byKind = new Map<string, number>()
    engine.faultHook = (action, params) => {
      const key = `${action.replace('database.', '')} ${String((params as { collectionName?: string }).collectionName ?? '')}`.trim()
      byKind.set(key, (byKind.get(key) ?? 0) + 1)
    }
    engine.resetCallCount()
    const started = process.hrtime.bigint()
    for (const p of payloads.slice(5)) {
      const reply = (await deliverNotifyLocally(world.platform, p)) as { errcode: number }
      if (reply.errcode !== 0) throw new Error('notify refused')
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6 / RUNS
    engine.faultHook = undefined
    const total = engine.callCount / RUNS
    const breakdown = [...byKind.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${(n / RUNS).toFixed(1)}`).join('; ')
    return [
      { area: 'orders', metric: 'DB ops per pay notify (service order, home steward)', value: total.toFixed(1), note: `${ms.toFixed(1)} ms each, one at a time` },
      { area: 'orders', metric: 'pay notify DB ops by action and collection', value: '', note: breakdown },
    ]
  } finally {
    world.close()
  }
}
