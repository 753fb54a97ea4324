/**
 * A busy Saturday morning against the local gateway over HTTP on 127.0.0.1: 5,000 residents pay their
 * property fee (fees.pay + the sandbox pay sheet's confirm, which delivers the notify), 1,000 of them
 * rush a flash group buy (groupbuy.placeOrder + confirm) and 500 open their unit door (access.remoteOpen),
 * all interleaved and fired with bounded concurrency. Residents, bills, doors and the campaign are made
 * first straight through the engine. Loopback only; bounded in count (LOAD_SCALE) and time (LOAD_MAX_S).
 */
import { OUTBOX_COLLECTIONS } from '../cloudfunctions/core/outbox'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalStack } from '../scripts/local-stack'
import { must } from '../cloudfunctions/core/kernel/db-result'
import { FEE_COLLECTIONS } from '../cloudfunctions/core/fees/fee.model'
import { periodOf } from '../cloudfunctions/core/fees/period'
import { GROUPBUY_COLLECTIONS } from '../cloudfunctions/core/groupbuy/groupbuy.model'
import { invokeLocal, asTimer } from '../cloudfunctions/platform/local/invoke-local'
import { percentile, perSecond, type BenchRow } from './bench-table'
import { post, prepare, type Resident } from './load-morning.setup'

const AREA = 'load-morning'
const SCALE = Number(process.env.LOAD_SCALE ?? 1)
const PAYERS = Math.round(5000 * SCALE)
const BUYERS = Math.round(1000 * SCALE)
const OPENERS = Math.round(500 * SCALE)
const FLASH_STOCK = Math.round(300 * SCALE)
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 32)
/** Hard stop: steps not started by then are counted as not sent, never silently dropped. */
const MAX_MS = Number(process.env.LOAD_MAX_S ?? 300) * 1000

type Scenario = 'fees' | 'groupbuy' | 'door'

interface Outcome {
  scenario: Scenario
  ok: boolean
  /** Why it did not complete: a reply code of any step, or NOT_SENT past the time cap. */
  code: string
  /** Every HTTP call of the journey, for per-call latency. */
  callMs: number[]
}

/** One resident's journey: each is what the mini-program does in sequence for that person. */
function journeys(port: number, residents: Resident[], campaignId: string, skuId: string): { scenario: Scenario; run: () => Promise<Outcome> }[] {
  const payAndConfirm = async (scenario: Scenario, r: Resident, event: Record<string, unknown>, fn: string): Promise<Outcome> => {
    const placed = await post(port, `/fn/${fn}`, r.openid, event)
    if (!placed.body.ok) return { scenario, ok: false, code: placed.body.code ?? '?', callMs: [placed.ms] }
    const prepayId = placed.body.data.payment?.prepayId
    const paid = await post(port, '/sandbox-pay/confirm', r.openid, { prepayId })
    // notified=false: the paycallback function answered WeChat with an error (it will re-notify later).
    const ok = paid.body.ok && paid.body.data?.notified === true
    return { scenario, ok, code: ok ? 'ok' : (paid.body.code ?? 'NOTIFY_REFUSED'), callMs: [placed.ms, paid.ms] }
  }
  const list: { scenario: Scenario; run: () => Promise<Outcome> }[] = []
  for (const [i, r] of residents.entries()) {
    list.push({ scenario: 'fees', run: () => payAndConfirm('fees', r, { action: 'pay', requestId: `load-fee-${i}`, billIds: [r.billId] }, 'fees') })
    if (i < BUYERS) {
      list.push({
        scenario: 'groupbuy',
        run: () => payAndConfirm('groupbuy', r, { action: 'placeOrder', requestId: `load-gb-${i}`, campaignId, householdId: r.householdId, items: [{ skuId, quantity: 1 }] }, 'groupbuy'),
      })
    }
    if (i < OPENERS) {
      list.push({
        scenario: 'door',
        run: async () => {
          const res = await post(port, '/fn/access', r.openid, { action: 'remoteOpen', requestId: `load-door-${i}`, doorId: r.doorId, householdId: r.householdId })
          return { scenario: 'door', ok: res.body.ok, code: res.body.ok ? 'ok' : (res.body.code ?? '?'), callMs: [res.ms] }
        },
      })
    }
  }
  // A fixed shuffle (seeded LCG) so the three crowds arrive interleaved, the same way every run.
  let seed = 20261128
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[list[i], list[j]] = [list[j], list[i]]
  }
  return list
}

async function runAll(work: { scenario: Scenario; run: () => Promise<Outcome> }[]): Promise<{ outcomes: Outcome[]; wallMs: number }> {
  const outcomes: Outcome[] = []
  let next = 0
  const started = performance.now()
  const worker = async () => {
    while (next < work.length) {
      const item = work[next++]
      if (performance.now() - started > MAX_MS) {
        outcomes.push({ scenario: item.scenario, ok: false, code: 'NOT_SENT', callMs: [] })
        continue
      }
      outcomes.push(await item.run())
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return { outcomes, wallMs: performance.now() - started }
}

const ms = (v: number) => `${v.toFixed(1)} ms`

function rowsFor(scenario: Scenario, label: string, outcomes: Outcome[], wallMs: number): BenchRow[] {
  const mine = outcomes.filter((o) => o.scenario === scenario)
  const lat = mine.flatMap((o) => o.callMs).sort((a, b) => a - b)
  const errors = new Map<string, number>()
  for (const o of mine) if (!o.ok) errors.set(o.code, (errors.get(o.code) ?? 0) + 1)
  const errorText = [...errors].map(([c, n]) => `${c} ×${n}`).join(', ') || 'none'
  return [
    { area: AREA, metric: `${label}: completed / attempted`, value: `${mine.filter((o) => o.ok).length} / ${mine.length}`, note: `refused or failed: ${errorText}` },
    { area: AREA, metric: `${label}: per-call latency p50 / p99`, value: `${ms(percentile(lat, 50))} / ${ms(percentile(lat, 99))}`, note: `${lat.length} HTTP calls, ${perSecond(mine.length, wallMs)} journeys` },
  ]
}

export default async function loadMorning(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'load-morning-'))
  const stack = await startLocalStack({ port: 0, dataDir, quiet: true })
  try {
    const prepStarted = performance.now()
    const { residents, campaignId, skuId } = await prepare(stack, { payers: PAYERS, flashStock: FLASH_STOCK })
    const prepMs = performance.now() - prepStarted
    const work = journeys(stack.port, residents, campaignId, skuId)
    const { outcomes, wallMs } = await runAll(work)

    const calls = outcomes.reduce((s, o) => s + o.callMs.length, 0)
    const db = stack.platform.db
    const sku = (must(await db.collection(GROUPBUY_COLLECTIONS.skus).doc(skuId).get()).data as { stock: number; remaining: number }[])[0]
    const paidBills = must(await db.collection(FEE_COLLECTIONS.bills).where({ runId: `load-run-${periodOf(stack.platform.clock.now())}`, status: 'paid' }).count()).total
    const gbOk = outcomes.filter((o) => o.scenario === 'groupbuy' && o.ok).length
    const notSent = outcomes.filter((o) => o.code === 'NOT_SENT').length
    // An effect that failed after the money transaction (e.g. a conflict on a hot figure) leaves its
    // outbox event pending; the processOutbox timer (every minute) finishes it. Count, run it once, count.
    const pendingEvents = async () => must(await db.collection(OUTBOX_COLLECTIONS.events).where({ state: 'pending' }).count()).total
    const pendingBefore = await pendingEvents()
    stack.platform.clock = { now: () => new Date(Date.now() + 3_600_000) }
    await invokeLocal(stack.platform, 'orders', { Type: 'Timer', TriggerName: 'processOutbox' }, asTimer)
    const pendingAfter = await pendingEvents()
    return [
      {
        area: AREA,
        metric: 'whole morning: HTTP calls per second',
        value: perSecond(calls, wallMs),
        note: `${calls} calls in ${(wallMs / 1000).toFixed(1)} s, ${CONCURRENCY} in flight, server and clients share the process${notSent ? `, ${notSent} not sent (time cap)` : ''}`,
      },
      ...rowsFor('fees', `fees (${PAYERS} pay + confirm)`, outcomes, wallMs),
      ...rowsFor('groupbuy', `flash group buy (${BUYERS} on stock ${FLASH_STOCK})`, outcomes, wallMs),
      ...rowsFor('door', `doors (${OPENERS} remote opens)`, outcomes, wallMs),
      {
        area: AREA,
        metric: 'checks: bills paid of fee payers; SKU sold ≤ stock',
        value: `${paidBills} of ${PAYERS}; ${sku.stock - sku.remaining} ≤ ${sku.stock}`,
        note: `a refused notify still leaves the payment applied; ${gbOk} group-buy orders paid; setup ${(prepMs / 1000).toFixed(1)} s, not timed`,
      },
      {
        area: AREA,
        metric: 'outbox events pending: after the run → after one processOutbox',
        value: `${pendingBefore} → ${pendingAfter}`,
        note: 'effects that failed after commit, finished by the outbox timer (run as of 1 h later)',
      },
    ]
  } finally {
    await stack.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
