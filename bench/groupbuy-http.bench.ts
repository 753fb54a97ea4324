import http from 'node:http'
import os from 'node:os'
import { startLocalStack } from '../scripts/local-stack'
import { must } from '../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../cloudfunctions/core/households'
import { GROUPBUY_COLLECTIONS, type QuotaDoc, type SkuDoc } from '../cloudfunctions/core/groupbuy/groupbuy.model'
import type { HouseholdDoc, ResidentDoc } from '../cloudfunctions/core/households/household.model'
import { percentile, perSecond, type BenchRow } from './bench-table'

const AREA = 'groupbuy'
const ATTEMPTS = 1000
const IN_FLIGHT = 50
const STOCK = 100
const HOUSEHOLDS = 400
const LIMIT = 2
const COMMUNITY = 'c-sunshine'

/**
 * The flash sale over HTTP, as the H5 app and the gateway see it: the local stack on a free loopback port,
 * 400 households making 1000 checkout attempts (2–3 each, one unit per attempt, limit 2 per household)
 * with at most 50 requests in flight, on stock 100. Afterwards it checks, from the database, that exactly
 * 100 units were sold and no household holds more than its limit; a violation fails the bench run.
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

    const base = `http://127.0.0.1:${stack.port}`
    const hour = 3600_000
    const created = await (
      await fetch(`${base}/console/fn/ops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          action: 'groupbuyCreateCampaign',
          communityId: COMMUNITY,
          title: '秒杀鸡蛋',
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
      Array.from({ length: h < ATTEMPTS - 2 * HOUSEHOLDS ? 3 : 2 }, (_, j) => ({ openid: `flash-${h}`, householdId: `fh-${h}`, requestId: `flash-${h}-${j}-${now.getTime()}` })),
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
    // Plain node:http with keep-alive: the clients share the server's process and 2 cores, and fetch's
    // web streams cost about a fifth of the run's CPU in a profile — time that is the client's, not the server's.
    const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT })
    const latencies: number[] = []
    const codes = new Map<string, number>()
    let next = 0
    const cpuBefore = process.cpuUsage()
    const started = process.hrtime.bigint()
    const worker = async () => {
      while (next < attempts.length) {
        const a = attempts[next++]
        const t0 = process.hrtime.bigint()
        const reply = (await postJson(agent, stack.port, '/fn/groupbuy', a.openid, {
          action: 'placeOrder',
          requestId: a.requestId,
          campaignId,
          householdId: a.householdId,
          items: [{ skuId, quantity: 1 }],
        })) as { ok: boolean; code?: string }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6)
        const key = reply.ok ? 'ok' : reply.code ?? 'error'
        codes.set(key, (codes.get(key) ?? 0) + 1)
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
    const ended = process.hrtime.bigint()
    // CPU the process (server + clients) spent on the run: what the attempts cost whatever else the shared machine does.
    const cpu = process.cpuUsage(cpuBefore)
    const cpuMs = (cpu.user + cpu.system) / 1000
    const wallMs = Number(ended - started) / 1e6
    agent.destroy()
    // For a CPU profile of the attempts alone (node --cpu-prof): the window in the profile's microseconds.
    if (process.env.BENCH_WINDOW) process.stderr.write(`bench window µs ${started / 1000n} ${ended / 1000n}\n`)
    const dbOps = engine.callCount
    engine.faultHook = undefined
    if (process.env.BENCH_OPS) process.stderr.write(`ops by kind: ${[...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join('; ')}\n`)

    const sku = (must(await db.collection(GROUPBUY_COLLECTIONS.skus).doc(skuId).get()).data as SkuDoc[])[0]
    const quotas = must(await db.collection(GROUPBUY_COLLECTIONS.quotas).where({ skuId }).limit(1000).get()).data as QuotaDoc[]
    const sold = quotas.reduce((s, q) => s + q.held, 0)
    const worst = Math.max(0, ...quotas.map((q) => q.held))
    const won = codes.get('ok') ?? 0
    if (won !== STOCK || sold !== STOCK || sku.remaining !== 0 || worst > LIMIT) {
      throw new Error(`flash sale over HTTP broke an invariant: won ${won}, held ${sold}, remaining ${sku.remaining}, worst household ${worst}`)
    }
    latencies.sort((x, y) => x - y)
    const ms = (v: number) => `${v.toFixed(1)} ms`
    const refusals = [...codes.entries()].filter(([k]) => k !== 'ok').map(([k, n]) => `${k} ${n}`).join(', ')
    return [
      { area: AREA, metric: 'flash sale over HTTP: attempts per second', value: perSecond(ATTEMPTS, wallMs), note: `${ATTEMPTS} attempts, ${IN_FLIGHT} in flight, ${HOUSEHOLDS} households, stock ${STOCK}` },
      { area: AREA, metric: 'flash sale over HTTP: latency p50 / p99', value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}`, note: `wall ${ms(wallMs)}` },
      { area: AREA, metric: 'flash sale over HTTP: sold / most held by a household', value: `${sold} / ${worst}`, note: `stock ${STOCK}, limit ${LIMIT}; refused: ${refusals}` },
      {
        area: AREA,
        metric: 'flash sale over HTTP: CPU per attempt (server + clients, one process)',
        value: `${(cpuMs / ATTEMPTS).toFixed(2)} ms`,
        note: `${perSecond(ATTEMPTS, cpuMs)} per CPU-second; ${Math.round((100 * cpuMs) / wallMs)} % of one core during the run; load average ${os.loadavg()[0].toFixed(1)}`,
      },
      { area: AREA, metric: 'flash sale over HTTP: DB ops per order sold', value: (dbOps / won).toFixed(1), note: `${(dbOps / ATTEMPTS).toFixed(1)} per attempt (refusals included)` },
    ]
  } finally {
    await stack.close()
  }
}

function postJson(agent: http.Agent, port: number, path: string, openid: string, body: unknown): Promise<unknown> {
  const payload = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length, 'x-dev-openid': openid } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
          } catch (e) {
            reject(e)
          }
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}
