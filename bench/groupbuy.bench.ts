import { rid, type TestWorld } from '../tests/support/test-platform'
import { addResidents, createCampaign, openGroupbuyWorld, placeOrder } from '../tests/functions/groupbuy/groupbuy-test-kit'
import { percentile, perSecond, type BenchRow } from './bench-table'

const AREA = 'groupbuy'
const FLASH_HOUSEHOLDS = 1000
const FLASH_STOCK = 100
const SEQUENTIAL_ORDERS = 300

type Attempt = { ok: boolean; ms: number }

async function timed(fn: () => Promise<{ ok: boolean }>): Promise<Attempt> {
  const started = process.hrtime.bigint()
  const res = await fn()
  return { ok: res.ok, ms: Number(process.hrtime.bigint() - started) / 1e6 }
}

const ms = (v: number) => `${v.toFixed(1)} ms`

/** The Must-show flash sale: 1000 households at once on stock 100, everything through the groupbuy function. */
async function flashSale(w: TestWorld): Promise<BenchRow[]> {
  const people = await addResidents(w, FLASH_HOUSEHOLDS)
  const { campaignId, skuIds } = await createCampaign(w, { skus: [{ title: '秒杀鸡蛋 30枚', priceFen: 990, stock: FLASH_STOCK, limitPerHousehold: 1 }] })
  const engine = w.platform.local.engine
  engine.resetCallCount()
  const started = process.hrtime.bigint()
  const attempts = await Promise.all(people.map((p) => timed(() => placeOrder(w, p.openid, p.householdId, campaignId, [{ skuId: skuIds[0], quantity: 1 }], rid('flash')))))
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  const won = attempts.filter((a) => a.ok).length
  const lat = attempts.map((a) => a.ms).sort((a, b) => a - b)
  const note = `${FLASH_HOUSEHOLDS} households at once, stock ${FLASH_STOCK}: ${won} won`
  return [
    { area: AREA, metric: 'flash sale: attempts answered per second', value: perSecond(FLASH_HOUSEHOLDS, wallMs), note },
    { area: AREA, metric: 'flash sale: orders placed per second', value: perSecond(won, wallMs), note: `wall ${ms(wallMs)}` },
    { area: AREA, metric: 'flash sale: latency p50 / p99 (all queued at once)', value: `${ms(percentile(lat, 50))} / ${ms(percentile(lat, 99))}`, note: 'includes waiting behind 999 others' },
    { area: AREA, metric: 'flash sale: DB ops per attempt (avg)', value: (engine.callCount / FLASH_HOUSEHOLDS).toFixed(1), note: 'winners and refused attempts together' },
  ]
}

/** Uncontended checkout latency and DB cost: one order after another from different households. */
async function sequential(w: TestWorld): Promise<BenchRow[]> {
  const people = await addResidents(w, SEQUENTIAL_ORDERS, undefined, 'seq')
  const { campaignId, skuIds } = await createCampaign(w, { skus: [{ title: '大米 10斤', priceFen: 4500, stock: SEQUENTIAL_ORDERS, limitPerHousehold: 2 }] })
  const engine = w.platform.local.engine
  const lat: number[] = []
  const ops: number[] = []
  for (const p of people) {
    const before = engine.callCount
    const a = await timed(() => placeOrder(w, p.openid, p.householdId, campaignId, [{ skuId: skuIds[0], quantity: 1 }], rid('seq')))
    if (!a.ok) throw new Error('sequential order refused')
    lat.push(a.ms)
    ops.push(engine.callCount - before)
  }
  lat.sort((a, b) => a - b)
  // Sold out now: what a refused attempt costs when the pre-check catches it.
  const before = engine.callCount
  const refused = await placeOrder(w, people[0].openid, people[0].householdId, campaignId, [{ skuId: skuIds[0], quantity: 1 }], rid('late'))
  const refusedOps = engine.callCount - before
  const first = ops.slice(0, 50).reduce((s, x) => s + x, 0) / 50
  const last = ops.slice(-50).reduce((s, x) => s + x, 0) / 50
  return [
    { area: AREA, metric: 'order creation latency p50 / p99 (one at a time)', value: `${ms(percentile(lat, 50))} / ${ms(percentile(lat, 99))}`, note: `${SEQUENTIAL_ORDERS} orders, incl. runtime + prepay` },
    { area: AREA, metric: 'DB ops per order placed', value: `${first.toFixed(1)} (first 50) / ${last.toFixed(1)} (last 50)`, note: 'constant as the campaign fills' },
    { area: AREA, metric: 'DB ops per sold-out attempt', value: String(refusedOps), note: refused.ok ? 'UNEXPECTED: accepted' : `refused ${refused.code} before any write` },
  ]
}

export default async function groupbuyBench(): Promise<BenchRow[]> {
  const w = await openGroupbuyWorld()
  try {
    return [...(await flashSale(w)), ...(await sequential(w))]
  } finally {
    w.close()
  }
}
