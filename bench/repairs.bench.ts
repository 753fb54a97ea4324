/**
 * Repairs: DB wire calls per ticket transition (what each use case costs in CloudBase requests, split into
 * the transition itself and its notifications), and the steward's overdue list with 100k tickets in the
 * community, next to the open list and the SLA timer at the same size. "DB calls" are wire actions the
 * CloudBase SDK sent, counted by the local engine; the local outbox insert is not a DB call in production
 * (there the card goes to WeChat), so it is subtracted.
 */
import { createLocalPlatform, type LocalPlatform } from '../cloudfunctions/platform/local/local-platform'
import { asTimer, asUser, invokeLocal } from '../cloudfunctions/platform/local/invoke-local'
import { seedDemo } from '../cloudfunctions/platform/local/demo/seed-demo'
import { must } from '../cloudfunctions/core/kernel/db-result'
import { REPAIR_COLLECTIONS, type TicketDoc } from '../cloudfunctions/core/repairs/repair.model'
import { OUTBOX_COLLECTION } from '../cloudfunctions/platform/local/outbox/outbox-notifier'
import { REPAIR_CATEGORIES, type RepairStatus } from '../cloudfunctions/contracts/repairs.contract'
import { percentile, type BenchRow } from './bench-table'

const MIN = 60_000
let seq = 0

function world(): { platform: LocalPlatform; clock: { t: number; now(): Date } } {
  const clock = { t: Date.parse('2026-11-22T02:00:00Z'), now: () => new Date(clock.t) }
  return { platform: createLocalPlatform({ clock, quiet: true, env: { PHONE_PEPPER: 'bench' } }), clock }
}

async function call(platform: LocalPlatform, openid: string, action: string, input: Record<string, unknown> = {}) {
  const res = await invokeLocal(platform, 'repairs', { action, requestId: `bench-${action}-${++seq}`, ...input }, asUser(openid))
  if (!res.ok) throw new Error(`${action}: ${res.code} ${res.message}`)
  return res.data as Record<string, any>
}

/** Wire calls of one use case, and how many of them were notification bookkeeping (3 per card, 1 of them local-only). */
async function measure(platform: LocalPlatform, run: () => Promise<unknown>): Promise<{ total: number; cards: number }> {
  const engine = platform.local.engine
  const outboxBefore = engine.store.count(OUTBOX_COLLECTION)
  engine.resetCallCount()
  await run()
  const cards = engine.store.count(OUTBOX_COLLECTION) - outboxBefore
  return { total: engine.callCount - cards, cards }
}

async function transitionCosts(): Promise<BenchRow[]> {
  const { platform, clock } = world()
  await seedDemo({ db: platform.db, now: clock.now(), pepper: 'bench' })
  const rows: BenchRow[] = []
  const row = (metric: string, m: { total: number; cards: number }) =>
    rows.push({ area: 'repairs', metric: `DB calls: ${metric}`, value: String(m.total), note: `of which ${m.cards * 2} for ${m.cards} notification card(s)` })
  const place = { kind: 'household', householdId: 'h-1-1-101' }
  let id = ''
  row('create (validate + auto-dispatch)', await measure(platform, async () => (id = (await call(platform, 'demo-owner', 'create', { place, category: 'plumbing', description: '厨房下水道堵塞' })).ticketId)))
  row('accept (technician)', await measure(platform, () => call(platform, 'demo-technician', 'accept', { ticketId: id })))
  row('start', await measure(platform, () => call(platform, 'demo-technician', 'start', { ticketId: id })))
  row('complete', await measure(platform, () => call(platform, 'demo-technician', 'complete', { ticketId: id, note: '已疏通' })))
  row('rate (tx + 4 rollups)', await measure(platform, () => call(platform, 'demo-owner', 'rate', { ticketId: id, arrival: 5, attitude: 5, process: 5, etiquette: 5 })))
  row('reopen (re-dispatch)', await measure(platform, () => call(platform, 'demo-owner', 'reopen', { ticketId: id, reason: '又堵了' })))
  row('reassign (steward)', await measure(platform, () => call(platform, 'demo-steward', 'reassign', { ticketId: id, technicianId: 's-technician-2' })))
  const other = (await call(platform, 'demo-owner', 'create', { place, category: 'other', description: '门铃不响了' })).ticketId
  row('cancel', await measure(platform, () => call(platform, 'demo-owner', 'cancel', { ticketId: other })))
  row('detail (resident view)', await measure(platform, () => call(platform, 'demo-owner', 'detail', { ticketId: id })))
  platform.local.close()
  return rows
}

/** 100k tickets over 6 buildings, about a year of a large community: 98.5% closed, 1% open on time, 0.5% open and overdue. */
async function seedTickets(platform: LocalPlatform, total: number, now: Date): Promise<void> {
  const batch: TicketDoc[] = []
  for (let i = 0; i < total; i++) {
    const r = i % 200
    const status: RepairStatus = r === 0 ? 'assigned' : r < 3 ? (['assigned', 'accepted', 'in_progress'] as const)[r % 3] : (['completed', 'rated', 'cancelled'] as const)[r % 3]
    const building = (i % 6) + 1
    const createdAt = new Date(now.getTime() - (total - i) * 5 * MIN)
    const open = r < 3
    batch.push({
      _id: `bench-t-${i}`,
      communityId: 'c-sunshine',
      householdId: `h-${building}-1-101`,
      buildingId: `b-${building}`,
      placeKind: 'household',
      placeLabel: `${building}栋1单元101`,
      category: REPAIR_CATEGORIES[i % REPAIR_CATEGORIES.length],
      description: '基准工单',
      photos: [],
      preferredStart: null,
      preferredEnd: null,
      residentOpenid: `bench-resident-${i % 1000}`,
      status,
      rev: 3,
      stewardOpenid: building <= 3 ? 'demo-steward' : 'demo-steward-2',
      gridId: building <= 3 ? 'g-steward' : 'g-steward-2',
      assigneeOpenid: 'demo-technician',
      assigneeStaffId: 's-technician',
      assigneeName: '赵工',
      promisedStart: null,
      promisedEnd: null,
      // open tickets run a clock that is not yet due, so the SLA run measures the scan, not the flagging
      slaWatch: open && r !== 0 ? 'arrive' : null,
      respondDueAt: new Date(createdAt.getTime() + 30 * MIN),
      arriveDueAt: open && r !== 0 ? new Date(now.getTime() + 60 * MIN) : null,
      slaAlert: null,
      overdue: r === 0,
      breaches: r === 0 ? { respond: createdAt } : {},
      completionNote: null,
      completionPhotos: [],
      completedAt: open ? null : createdAt,
      reopenCount: 0,
      rating: null,
      timeline: [{ at: createdAt, action: 'submitted', by: 'resident' }],
      createdAt,
      updatedAt: createdAt,
    })
    if (batch.length === 1000) must(await platform.db.collection(REPAIR_COLLECTIONS.tickets).add(batch.splice(0)))
  }
  if (batch.length) must(await platform.db.collection(REPAIR_COLLECTIONS.tickets).add(batch))
}

async function timed(platform: LocalPlatform, runs: number, body: () => Promise<unknown>): Promise<{ p50: number; p95: number; calls: number }> {
  const ms: number[] = []
  let calls = 0
  for (let i = 0; i < runs; i++) {
    platform.local.engine.resetCallCount()
    const t = performance.now()
    await body()
    ms.push(performance.now() - t)
    calls = platform.local.engine.callCount
  }
  ms.sort((a, b) => a - b)
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), calls }
}

async function atScale(total: number): Promise<BenchRow[]> {
  const { platform, clock } = world()
  await seedDemo({ db: platform.db, now: clock.now(), pepper: 'bench' })
  const seedStart = performance.now()
  await seedTickets(platform, total, clock.now())
  const seedMs = performance.now() - seedStart
  const label = `${total / 1000}k tickets`
  const rows: BenchRow[] = [{ area: 'repairs', metric: `seed ${label}`, value: `${(seedMs / 1000).toFixed(1)} s`, note: 'bulk add, 1000 per call' }]
  const steward = (filter: string) => async () => {
    const res = await invokeLocal(platform, 'repairs', { action: 'gridTickets', filter, limit: 20 }, asUser('demo-steward'))
    if (!res.ok) throw new Error(JSON.stringify(res))
    return res
  }
  const overdue = await timed(platform, 30, steward('overdue'))
  rows.push({ area: 'repairs', metric: `steward overdue list @ ${label}`, value: `p50 ${overdue.p50.toFixed(1)} ms / p95 ${overdue.p95.toFixed(1)} ms`, note: `${overdue.calls} DB calls; index (overdue, buildingId); ~${total / 400} overdue in grid` })
  const open = await timed(platform, 30, steward('open'))
  rows.push({ area: 'repairs', metric: `steward open list @ ${label}`, value: `p50 ${open.p50.toFixed(1)} ms / p95 ${open.p95.toFixed(1)} ms`, note: `${open.calls} DB calls; index (buildingId, status); ~${(total * 0.015) / 2} open in grid` })
  const sla = await timed(platform, 5, async () => {
    const res = await invokeLocal(platform, 'repairs', { Type: 'Timer', TriggerName: 'slaCheck' }, asTimer)
    if (!res.ok) throw new Error(JSON.stringify(res))
  })
  rows.push({ area: 'repairs', metric: `SLA timer, nothing due @ ${label}`, value: `p50 ${sla.p50.toFixed(1)} ms`, note: `${sla.calls} DB calls; scans only tickets with a running clock (index slaWatch)` })
  platform.local.close()
  return rows
}

export default async function repairsBench(): Promise<BenchRow[]> {
  return [...(await transitionCosts()), ...(await atScale(100_000))]
}
