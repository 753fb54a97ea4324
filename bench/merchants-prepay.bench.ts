/**
 * What deciding `settle_info.profit_sharing` costs a prepay (core/orders/payment-terms.ts, the merchants
 * area's rule): DB calls and latency of placing and prepaying a service order sold by a merchant (洁家家政)
 * and one sold by the property company, and of a group-buy checkout sold by a merchant (鲜丰果蔬), over the
 * demo community. The listing is memoised per instance for a few seconds, so only the first order of a
 * listing pays its read; a group-buy order reads its entry once to learn the campaign.
 */
import { createLocalPlatform } from '../cloudfunctions/platform/local/local-platform'
import { seedDemo } from '../cloudfunctions/platform/local/demo/seed-demo'
import { invokeLocal, asUser } from '../cloudfunctions/platform/local/invoke-local'
import { percentile, type BenchRow } from './bench-table'

const ROUNDS = 30

export default async function merchantsPrepayBench(): Promise<BenchRow[]> {
  let now = new Date('2026-12-03T02:00:00.000Z').getTime()
  const platform = createLocalPlatform({ quiet: true, clock: { now: () => new Date(now) }, env: { PHONE_PEPPER: 'bench-pepper' } })
  const engine = platform.local.engine
  const rows: BenchRow[] = []
  try {
    await seedDemo({ db: platform.db, now: new Date(now), pepper: 'bench-pepper' })
    let n = 0
    const measure = async (label: string, event: () => Record<string, unknown>, fn = 'orders', rounds = ROUNDS) => {
      const ms: number[] = []
      const calls: number[] = []
      for (let i = 0; i < rounds; i++) {
        now += 1_000
        engine.resetCallCount()
        const t = performance.now()
        const res = await invokeLocal(platform, fn, { ...event(), requestId: `bench-req-${n++}` }, asUser('demo-owner'))
        ms.push(performance.now() - t)
        calls.push(engine.callCount)
        if (!res.ok) throw new Error(`${label}: ${res.code} ${res.message}`)
      }
      ms.sort((a, b) => a - b)
      const perCall = calls.slice(1).reduce((s, c) => s + c, 0) / (calls.length - 1)
      rows.push({ area: 'merchants', metric: `${label} (p50 / p95)`, value: `${percentile(ms, 50).toFixed(1)} / ${percentile(ms, 95).toFixed(1)} ms`, note: `first ${calls[0]} DB calls, then ${perCall.toFixed(1)} per order` })
    }
    const service = (serviceItemId: string) => () => ({ action: 'createServiceOrder', householdId: 'h-1-1-101', serviceItemId, quantity: 1 })
    await measure('order + prepay, service sold by a merchant', service('svc-cleaning'))
    await measure('order + prepay, service sold by the property company', service('svc-pipe'))
    await measure('group-buy checkout + prepay, sold by a merchant', () => ({ action: 'placeOrder', householdId: 'h-1-1-101', campaignId: 'gb-demo-oranges', items: [{ skuId: 'gb-demo-oranges_s1', quantity: 1 }] }), 'groupbuy', 3) // 每户限购 3
  } finally {
    platform.local.close()
  }
  return rows
}
