/**
 * Events: a sign-up rush on one event (the limit is one conditional update, so parallel sign-ups queue on
 * one document), what a check-in costs in database operations, and the ROI report over an event with
 * hundreds of attendees and thousands of orders (what ops wait for when they open 活动 ROI).
 */
import { performance } from 'node:perf_hooks'
import { percentile, perSecond, type BenchRow } from './bench-table'
import { must } from '../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../cloudfunctions/core/households'
import { ORDER_COLLECTIONS } from '../cloudfunctions/core/orders'
import { GROUPBUY_COLLECTIONS } from '../cloudfunctions/core/groupbuy'
import { EVENT_COLLECTIONS, type EventDoc } from '../cloudfunctions/core/events/event.model'
import { createTestWorld, rid } from '../tests/support/test-platform'

const HOUSEHOLDS = Array.from({ length: 360 }, (_, i) => {
  const b = Math.floor(i / 60) + 1
  const u = (Math.floor(i / 30) % 2) + 1
  const f = (Math.floor(i / 2) % 15) + 1
  return `h-${b}-${u}-${f}0${(i % 2) + 1}`
})
const LIMIT = 100
const MIN = 60_000

export default async function eventsBench(): Promise<BenchRow[]> {
  const world = await createTestWorld({ seed: true, clockAt: '2026-12-05T06:00:00.000Z' })
  const db = world.platform.db
  const engine = world.platform.local.engine
  try {
    for (const h of HOUSEHOLDS) must(await db.collection(COLLECTIONS.residents).doc(`r-bench-${h}`).set({ openid: `bench-${h}`, householdId: h, communityId: 'c-sunshine', role: 'owner', status: 'active', boundAt: world.clock.now() }))
    const now = world.clock.now().getTime()
    const created = await world.call('events', 'demo-steward', {
      action: 'create',
      requestId: rid('bench'),
      kind: 'experience',
      title: '压测体验会',
      category: '生鲜',
      venue: '活动室',
      startsAt: new Date(now + 30 * MIN).toISOString(),
      endsAt: new Date(now + 150 * MIN).toISOString(),
      signupLimit: LIMIT,
    })
    const eventId = (created as { data: { eventId: string } }).data.eventId

    // 360 households at once for 100 places.
    engine.resetCallCount()
    const latencies: number[] = []
    const t0 = performance.now()
    const replies = await Promise.all(
      HOUSEHOLDS.map(async (h) => {
        const t = performance.now()
        const r = await world.call('events', `bench-${h}`, { action: 'signUp', requestId: rid('su'), eventId })
        latencies.push(performance.now() - t)
        return r
      }),
    )
    const rushMs = performance.now() - t0
    const rushOps = engine.callCount
    const signed = replies.filter((r) => r.ok).length
    const rushed = must(await db.collection(EVENT_COLLECTIONS.events).doc(eventId).get()).data[0] as EventDoc
    if (signed !== LIMIT || rushed.signedUp !== LIMIT) throw new Error(`oversold or undersold: ${signed} ok, signedUp ${rushed.signedUp}`)
    latencies.sort((a, b) => a - b)

    // The 260 refused join the waitlist at once; then 50 holders cancel at once, each freeing a place for the queue's head.
    const refused = HOUSEHOLDS.filter((h) => !rushed.holders.includes(h))
    engine.resetCallCount()
    let t1 = performance.now()
    const joins = await Promise.all(refused.map((h) => world.call('events', `bench-${h}`, { action: 'joinWaitlist', requestId: rid('wl'), eventId })))
    const joinMs = performance.now() - t1
    const joinOps = engine.callCount
    if (joins.some((r) => !r.ok)) throw new Error('a waitlist join failed')
    const queued = must(await db.collection(EVENT_COLLECTIONS.events).doc(eventId).get()).data[0] as EventDoc
    if (queued.waiting?.length !== refused.length) throw new Error(`queue ${queued.waiting?.length} ≠ ${refused.length}`)
    const leavers = rushed.holders.slice(0, 50)
    engine.resetCallCount()
    t1 = performance.now()
    const cancels = await Promise.all(leavers.map((h) => world.call('events', `bench-${h}`, { action: 'cancelSignup', requestId: rid('cx'), eventId })))
    const cancelMs = performance.now() - t1
    const cancelOps = engine.callCount
    if (cancels.some((r) => !r.ok)) throw new Error('a cancellation failed')
    const event = must(await db.collection(EVENT_COLLECTIONS.events).doc(eventId).get()).data[0] as EventDoc
    const promotedInOrder = JSON.stringify(event.holders.slice(50)) === JSON.stringify(queued.waiting!.slice(0, 50))
    if (event.signedUp !== LIMIT || event.holders.length !== LIMIT || !promotedInOrder || event.waiting!.length !== refused.length - 50 || (event.promotions ?? []).length)
      throw new Error(`waitlist broke: signedUp ${event.signedUp}, in order ${promotedInOrder}, waiting ${event.waiting!.length}`)

    // One check-in, counted.
    world.clock.advance(35 * MIN)
    const attendee = HOUSEHOLDS.find((h) => event.holders.includes(h))!
    const code = ((await world.call('events', 'demo-steward', { action: 'code', eventId })) as { data: { code: string } }).data.code
    engine.resetCallCount()
    const scan = await world.call('events', `bench-${attendee}`, { action: 'scan', requestId: rid('scan'), eventId, code })
    const scanOps = engine.callCount
    if (!scan.ok) throw new Error(`scan failed: ${JSON.stringify(scan)}`)

    // ROI: every signed household attended; 3,000 paid orders of theirs around the event.
    for (const h of event.holders) must(await db.collection(EVENT_COLLECTIONS.signups).doc(`${eventId}.${h}`).update({ checkInAt: new Date(now + 40 * MIN) }))
    must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).doc('gb-bench').set({ communityId: 'c-sunshine', title: '压测团', status: 'closed', createdAt: new Date(now), deadline: new Date(now), category: '生鲜' }))
    const end = now + 150 * MIN
    for (let i = 0; i < 3000; i++) {
      const h = event.holders[i % event.holders.length]
      const at = new Date(end + (i % 10) * 24 * 3600_000 - 3600_000)
      must(await db.collection(ORDER_COLLECTIONS.orders).doc(`o-bench-${i}`).set({ type: 'groupbuy', communityId: 'c-sunshine', householdId: h, listed: true, status: 'paid', paidFen: 1000 + (i % 7) * 100, refundedFen: 0, createdAt: at }))
      must(await db.collection(GROUPBUY_COLLECTIONS.entries).doc(`o-bench-${i}`).set({ campaignId: 'gb-bench', communityId: 'c-sunshine', householdId: h, stage: 'paid', createdAt: at }))
    }
    must(await db.collection(EVENT_COLLECTIONS.settings).doc('campaign.gb-bench').set({ communityId: 'c-sunshine', ref: { kind: 'campaign', id: 'gb-bench' }, category: '生鲜', marginRateBp: 2000, attributionDays: 7, updatedAt: new Date(now) }))
    // Expected by hand: orders placed from 1 h before the end up to 8 days later; within [start, end + 7 days) are
    // offsets 0…7 days (i % 10 ≤ 7), each 1000 + (i % 7) × 100 fen.
    let expectedGmv = 0
    for (let i = 0; i < 3000; i++) if (i % 10 <= 7) expectedGmv += 1000 + (i % 7) * 100
    const roiTimes: number[] = []
    let roiOps = 0
    for (let i = 0; i < 5; i++) {
      engine.resetCallCount()
      const t = performance.now()
      const r = await world.call('events', 'demo-ops', { action: 'roi' })
      roiTimes.push(performance.now() - t)
      roiOps = engine.callCount
      if (!r.ok) throw new Error('roi failed')
      const row = (r.data as { rows: { ref: { id: string }; gmvFen: number }[] }).rows.find((x) => x.ref.id === eventId)
      if (row?.gmvFen !== expectedGmv) throw new Error(`ROI GMV ${row?.gmvFen} ≠ ${expectedGmv}`)
    }
    roiTimes.sort((a, b) => a - b)

    return [
      { area: 'events', metric: 'sign-up rush: 360 households at once, 100 places', value: `${signed} signed, ${perSecond(HOUSEHOLDS.length, rushMs)}`, note: `never more than the limit; p50 / p95 ${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)} ms` },
      { area: 'events', metric: 'sign-up rush DB ops per attempt', value: (rushOps / HOUSEHOLDS.length).toFixed(1), note: 'incl. access, idempotency key; refused attempts included' },
      { area: 'events', metric: 'waitlist: 260 full-house refusals join at once', value: `${perSecond(refused.length, joinMs)}, ${(joinOps / refused.length).toFixed(1)} DB ops each`, note: 'queue of 260 in the order the database applied them, no duplicates' },
      { area: 'events', metric: 'waitlist: 50 cancellations at once → 50 promotions', value: `${(cancelMs / 1000).toFixed(1)} s, ${(cancelOps / leavers.length).toFixed(1)} DB ops each`, note: 'exactly the queue’s first 50 promoted, in order, each told once; limit held at 100' },
      { area: 'events', metric: 'check-in DB ops', value: String(scanOps), note: 'access, event, guess-limit slot + release, transaction (signup, replay record), idempotency' },
      { area: 'events', metric: 'ROI report p50 (3 demo + 1 bench event, 4 campaigns, 3,000 orders)', value: `${percentile(roiTimes, 50).toFixed(0)} ms`, note: `${roiOps} DB ops; 100 attendees, orders read in chunks of 100 households` },
    ]
  } finally {
    world.close()
  }
}
