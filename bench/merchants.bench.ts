/**
 * Merchants at month end: 50 merchants of one community with 20,000 ledger entries in the month (18,000
 * sales, 2,000 refunds) and 20,000 order splits. Rows: the monthly settlement (first run, then a repeat that
 * must find nothing), and the ops report per merchant (latency and DB calls: a fixed number of aggregations,
 * independent of the number of orders).
 */
import { createLocalPlatform } from '../cloudfunctions/platform/local/local-platform'
import { must } from '../cloudfunctions/core/kernel/db-result'
import { MERCHANT_COLLECTIONS } from '../cloudfunctions/core/merchants/merchant.model'
import { settleMerchants } from '../cloudfunctions/core/merchants/settlement.service'
import { merchantReport } from '../cloudfunctions/core/merchants/report.query'
import { splitOf } from '../cloudfunctions/core/merchants/split-math'
import { percentile, type BenchRow } from './bench-table'

const COMMUNITY = 'c-bench'
const MERCHANTS = 50
const ENTRIES = 20_000
const NOW = new Date('2026-12-01T02:00:00.000Z')

export default async function merchantsBench(): Promise<BenchRow[]> {
  const platform = createLocalPlatform({ quiet: true, clock: { now: () => NOW } })
  const db = platform.db
  const engine = platform.local.engine
  const rows: BenchRow[] = []
  try {
    const merchants = Array.from({ length: MERCHANTS }, (_, i) => ({
      _id: `m-b${i}`, name: `基准商户${i + 1}`, licenceNo: `9133010600000${String(i).padStart(5, '0')}`, contactName: '联系人', contactPhoneHash: 'x', contactPhoneLast4: '0000',
      settlementAccount: `19000${String(i).padStart(5, '0')}`, defaultRateBp: 800, issuesInvoices: true, communityIds: [COMMUNITY], status: 'active', createdAt: NOW, updatedAt: NOW,
    }))
    must(await db.collection(MERCHANT_COLLECTIONS.merchants).add(merchants))
    const started = Date.now()
    for (let batch = 0; batch < ENTRIES / 1000; batch++) {
      const ledger = []
      const splits = []
      for (let k = 0; k < 1000; k++) {
        const n = batch * 1000 + k
        const merchantId = `m-b${n % MERCHANTS}`
        const gross = 1000 + ((n * 7919) % 50_000)
        const s = splitOf(gross, 800, 500)
        const refund = n % 10 === 9
        const at = new Date(Date.UTC(2026, 10, 1 + (n % 28), 4))
        ledger.push({ _id: `${refund ? 'ref' : 'sale'}-b${n}`, kind: refund ? 'refund' : 'sale', merchantId, communityId: COMMUNITY, orderId: `od-b${n}`, title: '基准商品', grossFen: gross, merchantFen: s.merchantFen, commissionFen: s.commissionFen, at, availableMonth: '2026-11', state: 'open', statementId: null })
        splits.push({ _id: `od-b${n}`, orderId: `od-b${n}`, communityId: COMMUNITY, merchantId, month: '2026-11', grossFen: gross, refundedFen: refund ? gross : 0, paidAt: at, ...s })
      }
      must(await db.collection(MERCHANT_COLLECTIONS.ledger).add(ledger))
      must(await db.collection(MERCHANT_COLLECTIONS.splits).add(splits))
    }
    rows.push({ area: 'merchants', metric: 'seed', value: `${Math.round((Date.now() - started) / 1000)} s`, note: `${MERCHANTS} merchants, ${ENTRIES.toLocaleString('en-US')} ledger entries + splits in 2026-11` })

    const ctx = { platform, now: () => NOW }
    engine.resetCallCount()
    let t = performance.now()
    const first = await settleMerchants(ctx, '2026-11')
    rows.push({ area: 'merchants', metric: 'monthly settlement, first run', value: `${Math.round(performance.now() - t)} ms`, note: `${first.settled} statements, ${engine.callCount} DB calls (${(engine.callCount / MERCHANTS).toFixed(1)} per merchant)` })
    engine.resetCallCount()
    t = performance.now()
    const again = await settleMerchants(ctx, '2026-11')
    rows.push({ area: 'merchants', metric: 'monthly settlement, repeat', value: `${Math.round(performance.now() - t)} ms`, note: `${again.settled} new statements, ${engine.callCount} DB calls` })

    const ms: number[] = []
    let calls = 0
    for (let i = 0; i < 10; i++) {
      engine.resetCallCount()
      t = performance.now()
      await merchantReport(platform, COMMUNITY, '2026-11')
      ms.push(performance.now() - t)
      calls = engine.callCount
    }
    ms.sort((a, b) => a - b)
    rows.push({ area: 'merchants', metric: 'ops report, 50 merchants (p50 / p95)', value: `${Math.round(percentile(ms, 50))} / ${Math.round(percentile(ms, 95))} ms`, note: `${calls} DB calls per report, whatever the number of orders` })
  } finally {
    platform.local.close()
  }
  return rows
}
