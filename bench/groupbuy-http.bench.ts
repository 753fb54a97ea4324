import os from 'node:os'
import { startLocalStack, type LocalStack } from '../scripts/local-stack'
import { must } from '../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../cloudfunctions/core/households'
import { GROUPBUY_COLLECTIONS, type QuotaDoc, type SkuDoc } from '../cloudfunctions/core/groupbuy/groupbuy.model'
import type { HouseholdDoc, ResidentDoc } from '../cloudfunctions/core/households/household.model'
import { percentile, type BenchRow } from './bench-table'
import { runLoadClients } from './http-load-client'

const AREA = 'groupbuy'
const ATTEMPTS = 1000
const IN_FLIGHT = 50
const STOCK = 100
const HOUSEHOLDS = 400
const LIMIT = 2
const COMMUNITY = 'c-sunshine'
const WARM_SALES = 5

/**
 * The flash sale over HTTP, as the H5 app and the gateway see it: the local stack on a free loopback port,
 * 400 households making 1000 checkout attempts (2–3 each, one unit per attempt, limit 2 per household)
 * with at most 50 requests in flight, on stock 100. Afterwards it checks, from the database, that exactly
 * 100 units were sold and no household holds more than its limit; a violation fails the bench run.
 * The clients run in a separate process, so the CPU figure is the server's alone. Six sales run back to
 * back on the same server: a cold one, then five warm ones; the issue's target row is the warm sale with
 * the median p99 (a warm CloudBase instance is the usual case), and every warm sale's figures are listed.
 */
export default async function groupbuyHttpBench(): Promise<BenchRow[]> {
  const stack = await startLocalStack({ port: 0, quiet: true })
  try {
    const db = stack.platform.db
    const now = new Date()
    const households: HouseholdDoc[] = Array.from({ length: HOUSEHOLDS }, (_, i) => ({
      _id: `fh-${i}`,
      communityId: COMMUNITY,
      buildingId: `fb-${Math.floor(i / 100)}`,
      building: `${30 + Math.floor(i / 100)}栋`,
      unit: '1单元',
      room: String(101 + (i % 100)),
      areaM2: 90,
      ownerName: '压测',
      ownerPhoneHash: 'x',
      ownerPhoneLast4: '0000',
      updatedAt: now,
    }))
    const residents: ResidentDoc[] = households.map((h, i) => ({ _id: `fr-${i}`, openid: `flash-${i}`, householdId: h._id, communityId: COMMUNITY, role: 'owner', status: 'active', boundAt: now }))
    must(await db.collection(COLLECTIONS.households).add(households))
    must(await db.collection(COLLECTIONS.residents).add(residents))

    const cold = await runSale(stack, 'cold', now, 0)
    // One sale's p99 is ten replies, and this shared machine's speed moves ±40 % between runs of the same
    // code: the target row reads the median of five warm sales, and each sale's figures are listed too.
    const warmSales: SaleResult[] = []
    for (let i = 1; i <= WARM_SALES; i++) warmSales.push(await runSale(stack, 'warm', now, i))
    const warm = medianSale(warmSales)
    const load1 = os.loadavg()[0].toFixed(1)
    const ms = (v: number) => `${v.toFixed(1)} ms`
    const met = warm.rate >= 1000 && warm.p99 < 200
    const metCount = warmSales.filter((r) => r.rate >= 1000 && r.p99 < 200).length
    const rows: BenchRow[] = [
      {
        area: AREA,
        metric: `flash sale over HTTP, issue #20 target (≥ 1,000 attempts/s, p99 < 200 ms, exactly the stock sold), median of ${WARM_SALES} warm sales`,
        value: `${met ? 'MET' : 'NOT MET'}: ${Math.round(warm.rate).toLocaleString('en-US')}/s, p99 ${ms(warm.p99)}, sold ${warm.sold}/${STOCK}`,
        note: `met by ${metCount} of ${WARM_SALES} sales; server CPU ${warm.cpuPerAttempt.toFixed(2)} ms per attempt; load average ${load1} on ${os.cpus().length} cores`,
      },
      {
        area: AREA,
        metric: 'each warm sale: attempts per second, p99, server CPU per attempt',
        value: warmSales.map((r) => `${Math.round(r.rate).toLocaleString('en-US')}/s ${Math.round(r.p99)} ms ${r.cpuPerAttempt.toFixed(2)}`).join(' · '),
        note: 'in the order run',
      },
    ]
    for (const r of [warm, cold]) {
      const which = r.label === 'warm' ? `warm (the median sale of ${WARM_SALES} on the same server)` : 'cold (first sale after start)'
      rows.push(
        { area: AREA, metric: `${which}: attempts per second`, value: `${Math.round(r.rate).toLocaleString('en-US')}/s`, note: `${ATTEMPTS} attempts, ${IN_FLIGHT} in flight, ${HOUSEHOLDS} households, stock ${STOCK}` },
        { area: AREA, metric: `${which}: latency p50 / p99`, value: `${ms(r.p50)} / ${ms(r.p99)}`, note: `wall ${ms(r.wallMs)} (clients' clock)` },
        { area: AREA, metric: `${which}: sold / most held by a household`, value: `${r.sold} / ${r.worst}`, note: `stock ${STOCK}, limit ${LIMIT}; refused: ${r.refusals}` },
        {
          area: AREA,
          metric: `${which}: server CPU per attempt (server process alone)`,
          value: `${r.cpuPerAttempt.toFixed(2)} ms`,
          note: `${Math.round(1000 / r.cpuPerAttempt).toLocaleString('en-US')}/s per CPU-second; ${r.coreShare} % of one core during the run; clients (own process) ${r.clientCpuPerAttempt.toFixed(2)} ms`,
        },
        { area: AREA, metric: `${which}: DB ops per attempt / per order sold`, value: `${r.opsPerAttempt.toFixed(1)} / ${r.opsPerSold.toFixed(1)}`, note: 'refused attempts included' },
      )
    }
    return rows
  } finally {
    await stack.close()
  }
}

interface SaleResult {
  label: 'cold' | 'warm'
  rate: number
  p50: number
  p99: number
  wallMs: number
  sold: number
  worst: number
  refusals: string
  cpuPerAttempt: number
  clientCpuPerAttempt: number
  coreShare: number
  opsPerAttempt: number
  opsPerSold: number
}

/**
 * One flash sale on a new campaign: the same 400 households, fresh quotas. The first sale after start meets a
 * cold process (V8 still compiling the path); the second is what a warm CloudBase instance sees — instances
 * stay warm between invocations, and a sale's server has usually served other calls before it. Both are reported.
 */
/** The sale with the median p99 (its own figures, not a mix of several sales'). */
function medianSale(sales: SaleResult[]): SaleResult {
  return [...sales].sort((a, b) => a.p99 - b.p99)[Math.floor(sales.length / 2)]
}

async function runSale(stack: LocalStack, label: 'cold' | 'warm', now: Date, index: number): Promise<SaleResult> {
  const db = stack.platform.db
  const base = `http://127.0.0.1:${stack.port}`
  const hour = 3600_000
  const created = await (
    await fetch(`${base}/console/fn/ops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'groupbuyCreateCampaign',
        communityId: COMMUNITY,
        title: label === 'cold' ? '秒杀鸡蛋' : `秒杀鸭蛋 第${index}场`,
        minParticipants: 1,
        deadline: new Date(now.getTime() + 24 * hour).toISOString(),
        pickup: { point: '物业服务中心', startsAt: new Date(now.getTime() + 30 * hour).toISOString(), endsAt: new Date(now.getTime() + 34 * hour).toISOString() },
        skus: [{ title: '土鸡蛋 30枚', priceFen: 990, stock: STOCK, limitPerHousehold: LIMIT }],
      }),
    })
  ).json()
  if (!created.ok) throw new Error(`create campaign: ${created.code}`)
  const campaignId = created.data.campaignId as string
  const skuId = `${campaignId}_s1`

  // Households 0–199 try three times, the rest twice; a household's attempts are adjacent, so they are in
  // flight together and race each other for the household's limit as well as for the stock.
  const attempts = Array.from({ length: HOUSEHOLDS }, (_, h) => h).flatMap((h) =>
    Array.from({ length: h < ATTEMPTS - 2 * HOUSEHOLDS ? 3 : 2 }, (_, j) => ({ openid: `flash-${h}`, householdId: `fh-${h}`, requestId: `flash-${label}${index}-${h}-${j}-${now.getTime()}` })),
  )
  if (attempts.length !== ATTEMPTS) throw new Error(`bench setup: ${attempts.length} attempts`)
  const engine = stack.platform.local.engine
  engine.resetCallCount()
  const byKind = new Map<string, number>()
  if (process.env.BENCH_OPS) {
    engine.faultHook = (action, params) => {
      const key = `${action.replace('database.', '')} ${String((params as { collectionName?: string }).collectionName ?? '')}`.trim()
      byKind.set(key, (byKind.get(key) ?? 0) + 1)
    }
  }
  // The clients run in their own process (bench/http-load-client.ts): this process is the server alone, so
  // its CPU over the run is what serving the attempts cost.
  let cpuBefore = process.cpuUsage()
  let started = process.hrtime.bigint()
  const load = await runLoadClients(
    {
      port: stack.port,
      inFlight: IN_FLIGHT,
      requests: attempts.map((a) => ({
        path: '/fn/groupbuy',
        openid: a.openid,
        body: { action: 'placeOrder', requestId: a.requestId, campaignId, householdId: a.householdId, items: [{ skuId, quantity: 1 }] },
      })),
    },
    () => {
      cpuBefore = process.cpuUsage()
      started = process.hrtime.bigint()
    },
  )
  const ended = process.hrtime.bigint()
  const cpu = process.cpuUsage(cpuBefore)
  const cpuMs = (cpu.user + cpu.system) / 1000
  const serverWallMs = Number(ended - started) / 1e6
  // For a CPU profile of the attempts alone (node --cpu-prof): the window in the profile's microseconds.
  if (process.env.BENCH_WINDOW) process.stderr.write(`bench window ${label}${index || ''} µs ${started / 1000n} ${ended / 1000n}\n`)
  const dbOps = engine.callCount
  engine.faultHook = undefined
  if (process.env.BENCH_OPS) process.stderr.write(`ops by kind (${label}): ${[...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join('; ')}\n`)

  const codes = new Map<string, number>()
  for (const c of load.codes) codes.set(c, (codes.get(c) ?? 0) + 1)
  const sku = (must(await db.collection(GROUPBUY_COLLECTIONS.skus).doc(skuId).get()).data as SkuDoc[])[0]
  const quotas = must(await db.collection(GROUPBUY_COLLECTIONS.quotas).where({ skuId }).limit(1000).get()).data as QuotaDoc[]
  const sold = quotas.reduce((s, q) => s + q.held, 0)
  const worst = Math.max(0, ...quotas.map((q) => q.held))
  const won = codes.get('ok') ?? 0
  if (won !== STOCK || sold !== STOCK || sku.remaining !== 0 || worst > LIMIT) {
    throw new Error(`flash sale over HTTP (${label}) broke an invariant: won ${won}, held ${sold}, remaining ${sku.remaining}, worst household ${worst}`)
  }
  const latencies = [...load.latencies].sort((x, y) => x - y)
  return {
    label,
    rate: (ATTEMPTS / load.wallMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    wallMs: load.wallMs,
    sold,
    worst,
    refusals: [...codes.entries()].filter(([k]) => k !== 'ok').map(([k, n]) => `${k} ${n}`).join(', '),
    cpuPerAttempt: cpuMs / ATTEMPTS,
    clientCpuPerAttempt: load.clientCpuMs / ATTEMPTS,
    coreShare: Math.round((100 * cpuMs) / serverWallMs),
    opsPerAttempt: dbOps / ATTEMPTS,
    opsPerSold: dbOps / won,
  }
}
