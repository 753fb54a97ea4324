/**
 * Households: the registry import (10k rows in one ops call) and the binding call, on the embedded engine.
 * "DB calls" are wire actions the CloudBase SDK sent (what CloudBase bills and rate-limits), counted by the engine.
 */
import { createLocalPlatform } from '../cloudfunctions/platform/local/local-platform'
import { asConsole, asUser, invokeLocal } from '../cloudfunctions/platform/local/invoke-local'
import type { LocalDbEngine } from '../cloudfunctions/platform/local/db/local-db-engine'
import { seedDemo } from '../cloudfunctions/platform/local/demo/seed-demo'
import { DEMO_BINDING } from '../cloudfunctions/platform/local/demo/personas'
import type { BenchRow } from './bench-table'

const ROWS = 10_000

function registryCsv(): string {
  const lines = ['楼栋,单元,房号,面积,业主姓名,业主手机']
  for (let i = 0; lines.length <= ROWS; i++) {
    const building = Math.floor(i / 400) + 1
    const unit = Math.floor((i % 400) / 100) + 1
    const room = `${Math.floor((i % 100) / 4) + 1}${String((i % 4) + 1).padStart(2, '0')}`
    lines.push(`${building}栋,${unit}单元,${room},${80 + (i % 60)},业主${i},139${String(i).padStart(8, '0')}`)
  }
  return lines.join('\n')
}

function calls(engine: LocalDbEngine): string {
  const writes = ['database.insertDocument', 'database.modifyDocument', 'database.removeDocument'].reduce((n, a) => n + (engine.callsByAction.get(a) ?? 0), 0)
  return `${engine.callCount} calls (${writes} writes)`
}

async function timed<T>(body: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const result = await body()
  return [result, performance.now() - started]
}

export default async function householdsBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const platform = createLocalPlatform({ quiet: true, env: { PHONE_PEPPER: 'bench' } })
  const engine = platform.local.engine
  await seedDemo({ db: platform.db, now: platform.clock.now(), pepper: 'bench' })
  await invokeLocal(platform, 'ops', { action: 'upsertCommunity', communityId: 'c-bench', name: '基准小区' }, asConsole)
  const csv = registryCsv()

  for (const [label, note] of [
    ['import 10k households (new)', 'empty community'],
    ['re-import same 10k (no change)', 'idempotent upsert'],
  ] as const) {
    engine.resetCallCount()
    const [res, ms] = await timed(() => invokeLocal(platform, 'ops', { action: 'importHouseholds', communityId: 'c-bench', csv }, asConsole))
    if (!res.ok) throw new Error(`import failed: ${res.message}`)
    const data = res.data as { created: number; unchanged: number }
    rows.push({ area: 'households', metric: label, value: `${(ms / 1000).toFixed(2)} s`, note: `${calls(engine)}; created ${data.created}, unchanged ${data.unchanged}; ${note}` })
  }

  const bind = (openid: string, phone: string, n: number) =>
    invokeLocal(platform, 'households', { action: 'bind', requestId: `bench-bind-${n}`, householdId: 'h-2-1-301', ownerName: DEMO_BINDING.ownerName, phone }, asUser(openid))
  engine.resetCallCount()
  const [fail, failMs] = await timed(() => bind('bench-guesser', '13900000000', 1))
  if (fail.ok) throw new Error('a wrong proof bound')
  rows.push({ area: 'households', metric: 'bind call, wrong proof', value: `${engine.callCount} DB calls`, note: `${failMs.toFixed(1)} ms; ${calls(engine)}` })
  engine.resetCallCount()
  const [ok, okMs] = await timed(() => bind('bench-owner', DEMO_BINDING.phone, 2))
  if (!ok.ok) throw new Error(`bind failed: ${ok.message}`)
  rows.push({ area: 'households', metric: 'bind call, success', value: `${engine.callCount} DB calls`, note: `${okMs.toFixed(1)} ms; ${calls(engine)}` })

  platform.local.close()
  return rows
}
