import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createLocalPlatform } from '../cloudfunctions/platform/local/local-platform'
import { invokeLocal, asUser } from '../cloudfunctions/platform/local/invoke-local'
import { seedDemo } from '../cloudfunctions/platform/local/demo/seed-demo'
import { must } from '../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../cloudfunctions/core/households/registry-collections'
import { FEE_COLLECTIONS, type BillDoc, type FeeItemDoc } from '../cloudfunctions/core/fees/fee.model'
import { feeItemIdFor, billIdFor } from '../cloudfunctions/core/fees/fee-ids'
import { newBill, runBillsFor } from '../cloudfunctions/core/fees/bill-run.service'
import { insertMissing } from '../cloudfunctions/core/fees/idempotent-insert'
import { addMonths } from '../cloudfunctions/core/fees/period'
import { perSecond, percentile, type BenchRow } from './bench-table'

const HOUSEHOLDS = Number(process.env.FEES_BENCH_HOUSEHOLDS ?? 100_000)
const PER_BUILDING = 500
const NOW = new Date('2026-11-22T02:00:00Z')
const clock = { now: () => NOW }

function feeItem(code: string, fields: Partial<FeeItemDoc>): FeeItemDoc {
  return {
    _id: feeItemIdFor('c-bench', code), communityId: 'c-bench', code, name: code, kind: 'fixed', unitPriceFen: null, amountFen: null, unit: null, period: null,
    dueDay: 15, lateFee: { dailyRateBp: 5, capBp: 10_000 }, scope: { buildingIds: null, householdIds: null }, status: 'active', createdAt: NOW, updatedAt: NOW, ...fields,
  }
}

/** 100k households × (物业费 per area + 停车费 fixed): one full bill run, on a file-backed SQLite. */
async function billRunBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fees-'))
  const platform = createLocalPlatform({ dataDir: dir, clock, quiet: true })
  const { db } = platform
  const engine = platform.local.engine
  try {
    must(await db.collection(COLLECTIONS.communities).add({ _id: 'c-bench', name: '压测小区', createdAt: NOW }))
    const buildings = Math.ceil(HOUSEHOLDS / PER_BUILDING)
    must(await db.collection(COLLECTIONS.buildings).add(Array.from({ length: buildings }, (_, b) => ({ _id: `bb-${String(b).padStart(4, '0')}`, communityId: 'c-bench', name: `${b + 1}栋` }))))
    for (let i = 0; i < HOUSEHOLDS; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, HOUSEHOLDS - i) }, (_, j) => {
        const n = i + j
        const b = Math.floor(n / PER_BUILDING)
        return { _id: `bh-${String(n).padStart(7, '0')}`, communityId: 'c-bench', buildingId: `bb-${String(b).padStart(4, '0')}`, building: `${b + 1}栋`, unit: '1单元', room: String(n % PER_BUILDING), areaM2: 80 + (n % 60), updatedAt: NOW }
      })
      must(await db.collection(COLLECTIONS.households).add(batch))
    }
    for (const item of [feeItem('property', { kind: 'per_area', unitPriceFen: 250 }), feeItem('parking', { kind: 'fixed', amountFen: 15_000 })]) {
      const { _id, ...rest } = item
      must(await db.collection(FEE_COLLECTIONS.items).doc(_id).set(rest))
    }

    engine.resetCallCount()
    const started = process.hrtime.bigint()
    const { run } = await runBillsFor(platform, 'c-bench', '2026-12', false, { budgetMs: 3_600_000 })
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    const writes = (engine.callsByAction.get('database.insertDocument') ?? 0) + (engine.callsByAction.get('database.modifyDocument') ?? 0)
    const bills = run.billsCreated
    const area = `fees bill run ${HOUSEHOLDS / 1000}k households × 2 items`
    const rows: BenchRow[] = [
      { area, metric: 'bills created / time', value: `${bills.toLocaleString('en-US')} / ${(ms / 1000).toFixed(1)} s`, note: run.status },
      { area, metric: 'bills per second', value: perSecond(bills, ms), note: 'file-backed SQLite, WAL' },
      { area, metric: 'DB writes per bill', value: (writes / bills).toFixed(4), note: `${writes} writes: batch inserts of 500 + 1 progress write per chunk` },
      { area, metric: 'DB calls per bill (all)', value: (engine.callCount / bills).toFixed(4), note: `${engine.callCount} calls` },
    ]
    // A re-run of the finished period: every bill is found, none is made.
    engine.resetCallCount()
    const again = process.hrtime.bigint()
    const rerun = await runBillsFor(platform, 'c-bench', '2026-12', true, { budgetMs: 3_600_000 })
    const againMs = Number(process.hrtime.bigint() - again) / 1e6
    rows.push({ area, metric: 're-run (restart): created / existing', value: `${rerun.run.billsCreated} / ${rerun.run.billsExisting.toLocaleString('en-US')}`, note: `${(againMs / 1000).toFixed(1)} s` })
    return rows
  } finally {
    ;(platform.ports.payments as { close?: () => void }).close?.()
    platform.local.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The unpaid-bills page of a household with 0…3600 paid bills in its history: DB calls and latency. */
async function unpaidBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const platform = createLocalPlatform({ clock, quiet: true })
  const engine = platform.local.engine
  try {
    await seedDemo({ db: platform.db, now: NOW, pepper: 'bench' })
    const [template] = must(await platform.db.collection(FEE_COLLECTIONS.bills).where({ householdId: 'h-1-1-101' }).limit(1).get()).data as BillDoc[]
    const item = feeItem('history', { kind: 'fixed', amountFen: 10_000 })
    let inserted = 0
    for (const size of [0, 360, 3600]) {
      const history: BillDoc[] = []
      for (let k = inserted; k < size; k++) {
        const period = addMonths('2026-08', -(k % 1200))
        const bill = newBill({ _id: 'fr-bench', communityId: template.communityId, period }, { ...item, _id: `${item._id}-${Math.floor(k / 1200)}` }, { _id: 'h-1-1-101', buildingId: 'b-1', areaM2: 89, building: '1栋', unit: '1单元', room: '101' }, 10_000, '每月固定', NOW)
        history.push({ ...bill, _id: billIdFor('h-1-1-101', `${item._id}-${Math.floor(k / 1200)}`, period), status: 'paid', paidAt: NOW, paidOrderId: 'od-bench', payerOpenid: 'demo-owner', paidFen: 10_000 })
      }
      await insertMissing(platform.db, FEE_COLLECTIONS.bills, history)
      inserted = size
      const samples: number[] = []
      let calls = 0
      for (let i = 0; i < 30; i++) {
        engine.resetCallCount()
        const t = process.hrtime.bigint()
        const res = await invokeLocal(platform, 'fees', { action: 'unpaid' }, asUser('demo-owner'))
        samples.push(Number(process.hrtime.bigint() - t) / 1e6)
        if (!res.ok) throw new Error(`unpaid failed: ${res.code}`)
        calls = engine.callCount
      }
      samples.sort((a, b) => a - b)
      rows.push({ area: 'fees unpaid-bills call', metric: `history ${size.toLocaleString('en-US')} paid bills`, value: `${calls} DB calls`, note: `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms` })
    }
    return rows
  } finally {
    ;(platform.ports.payments as { close?: () => void }).close?.()
    platform.local.close()
  }
}

export default async function feesBench(): Promise<BenchRow[]> {
  return [...(await unpaidBench()), ...(await billRunBench())]
}
