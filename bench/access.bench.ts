/**
 * Door access: how fast a reader verifies passes offline (pure module, one core), and what issuing or
 * using a pass costs in database operations (the number that turns into CloudBase bill and latency).
 */
import { performance } from 'node:perf_hooks'
import { percentile, perSecond, type BenchRow } from './bench-table'
import { signPass } from '../cloudfunctions/core/access/pass-signer'
import { createOfflineVerifier } from '../cloudfunctions/core/access/pass-verifier'
import { devPassKeyStore } from '../cloudfunctions/platform/local/demo/dev-pass-keys'
import { createTestWorld, rid } from '../tests/support/test-platform'

const COMMUNITY = 'c-sunshine'
const N = 50_000

function offlineRows(): BenchRow[] {
  const keys = devPassKeyStore().keysFor(COMMUNITY)
  const nowMs = Date.parse('2026-11-22T02:00:00Z')
  const sign = () => signPass({ communityId: COMMUNITY, keys, kind: 'resident', subject: 'h-1-1-101', holderOpenid: 'demo-owner', doorNos: [1, 2, 101, 102], nowMs, ttlSeconds: 30 })!.code

  let t = performance.now()
  const codes = Array.from({ length: N }, sign)
  const signMs = performance.now() - t

  const reader = createOfflineVerifier({ communityId: COMMUNITY, keys })
  t = performance.now()
  let allowed = 0
  for (const code of codes) if (reader.verify(code, 101, nowMs + 1_000).ok) allowed++
  const verifyMs = performance.now() - t
  if (allowed !== N) throw new Error(`expected ${N} allowed, got ${allowed}`)

  const forged = codes.slice(0, 10_000).map((c) => {
    const bytes = Buffer.from(c, 'base64url')
    bytes[bytes.length - 1] ^= 0x5a
    return bytes.toString('base64url')
  })
  t = performance.now()
  for (const code of forged) if (reader.verify(code, 101, nowMs + 1_000).ok) throw new Error('forged code accepted')
  const forgedMs = performance.now() - t

  return [
    { area: 'access', metric: 'pass verifications/s (offline, valid)', value: perSecond(N, verifyMs), note: `${N} distinct codes, replay memory on, 1 core` },
    { area: 'access', metric: 'pass verifications/s (offline, forged)', value: perSecond(forged.length, forgedMs), note: 'refused at the MAC check' },
    { area: 'access', metric: 'pass signings/s (function side)', value: perSecond(N, signMs), note: `code length ${codes[0].length} chars` },
  ]
}

async function dbRows(): Promise<BenchRow[]> {
  const world = await createTestWorld({ seed: true })
  const engine = world.platform.local.engine
  try {
    const measure = async (run: () => Promise<unknown>) => {
      engine.resetCallCount()
      await run()
      return engine.callCount
    }
    const issueOps = await measure(() => world.call('access', 'demo-owner', { action: 'issuePass' }))
    const latencies: number[] = []
    for (let i = 0; i < 200; i++) {
      const t = performance.now()
      await world.call('access', 'demo-owner', { action: 'issuePass' })
      latencies.push(performance.now() - t)
    }
    latencies.sort((a, b) => a - b)
    const openOps = await measure(() => world.call('access', 'demo-owner', { action: 'remoteOpen', requestId: rid('bench'), doorId: 'd-sun-gate-s' }))
    const { data } = (await world.call('access', 'demo-owner', { action: 'issuePass' })) as { data: { code: string } }
    const verifyOps = await measure(() => world.console('access', { action: 'readerVerify', requestId: rid('bench'), doorId: 'd-sun-gate-s', code: data.code }))
    return [
      { area: 'access', metric: 'pass issuance DB ops', value: String(issueOps), note: 'reads only: 3 live membership + 1 doors; 0 writes' },
      { area: 'access', metric: 'pass issuance p50 / p95 (local engine)', value: `${percentile(latencies, 50).toFixed(2)} / ${percentile(latencies, 95).toFixed(2)} ms`, note: '200 sequential calls' },
      { area: 'access', metric: 'remote open DB ops', value: String(openOps), note: 'incl. idempotency key, rate window, log entry' },
      { area: 'access', metric: 'online reader verify DB ops (resident)', value: String(verifyOps), note: 'incl. idempotency key, replay record, log entry' },
    ]
  } finally {
    world.close()
  }
}

export default async function accessBench(): Promise<BenchRow[]> {
  return [...offlineRows(), ...(await dbRows())]
}
