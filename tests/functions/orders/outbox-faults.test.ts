import { rid } from '../../support/test-platform'
import { paidEvent, runOutboxTimer } from '../../support/outbox'
import { crashAtCall } from '../../support/crash-at-call'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { processOutboxEvent } from '../../../cloudfunctions/core/outbox'
import { ATTRIBUTION_COLLECTIONS } from '../../../cloudfunctions/core/attribution/attribution.model'
import { METRIC_COLLECTIONS, sumRollupShards, rollupId, type RollupDoc } from '../../../cloudfunctions/core/metrics/rollup.model'
import { COLLECTIONS } from '../../../cloudfunctions/core/households/registry-collections'
import { GROUP_COLLECTIONS, type GroupDoc, type GroupMemberDoc } from '../../../cloudfunctions/core/groups/group.model'
import { markJoined, memberId } from '../../../cloudfunctions/core/groups/membership.service'
import { A, COMMUNITY, SERVICE, bind, openAttributionWorld, orderDoc, type AttributionWorld } from '../attribution/attribution-test-kit'

/**
 * The durable outbox under fault injection. A pay notify commits the order, its type's onPaid and the
 * `order.paid` event in one transaction, then runs the effects (attribution + sales rollups, group
 * activity…) and marks the event done. A crash at ANY database call — before the commit, between the
 * commit and processing, inside each effect, on the final mark — and a crash at any call of the timer's
 * run must neither lose an effect nor apply one twice once WeChat's repeat and the outbox timer have run.
 */
describe('outbox: a crash at every step loses no effect and applies none twice', () => {
  let w: AttributionWorld
  let households: string[] = []
  let group: GroupDoc
  beforeAll(async () => {
    w = await openAttributionWorld('2026-11-10T02:00:00Z')
    const rows = must(await w.platform.db.collection(COLLECTIONS.households).limit(1000).get()).data as { _id: string }[]
    households = rows.map((r) => r._id).filter((id) => id.startsWith('h-1-')).sort()
    group = (must(await w.platform.db.collection(GROUP_COLLECTIONS.groups).where({ communityId: COMMUNITY }).limit(1).get()).data as GroupDoc[])[0]
  }, 60_000)
  afterAll(() => w.close())

  const month = '2026-11'
  /** Everything the paid effects change, as numbers: each must move by exactly one order. */
  async function facts(openid: string) {
    const rows = must(await w.platform.db.collection(METRIC_COLLECTIONS.rollups).where({ month }).limit(1000).get()).data as RollupDoc[]
    const sums = sumRollupShards(rows)
    const c = sums.get(rollupId('community', month, COMMUNITY))
    const g = sums.get(rollupId('grid', month, A.grid))
    const member = (must(await w.platform.db.collection(GROUP_COLLECTIONS.members).doc(memberId(group._id, openid)).get()).data as GroupMemberDoc[])[0]
    return {
      orders: c?.orders ?? 0,
      gmvFen: c?.gmvFen ?? 0,
      gridOrders: g?.orders ?? 0,
      attributions: must(await w.platform.db.collection(ATTRIBUTION_COLLECTIONS.attributions).count()).total as number,
      groupCredits: must(await w.platform.db.collection(GROUP_COLLECTIONS.orderCredits).count()).total as number,
      memberOrders: (member as GroupMemberDoc & { orders?: number })?.orders ?? 0,
    }
  }
  const delta = (a: Awaited<ReturnType<typeof facts>>, b: Awaited<ReturnType<typeof facts>>) =>
    Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v - a[k as keyof typeof a]]))
  const ONE_ORDER = { orders: 1, gmvFen: SERVICE.cleaning.fen, gridOrders: 1, attributions: 1, groupCredits: 1, memberOrders: 1 }

  /** A fresh payer (bound, and a joined member of a community group) with an unpaid order. */
  async function newOrder(i: number): Promise<{ openid: string; orderId: string; prepayId: string }> {
    const openid = `ob-${i}`
    const householdId = households[i % households.length]
    await bind(w, openid, householdId)
    // The join's own group.joined event is processed here, so only the order's event waits for the timer.
    const joined = await markJoined(w.platform.db, group, { openid, householdId, identity: 'owner' }, w.clock.now(), null)
    for (const e of joined.events) await processOutboxEvent({ platform: w.platform, now: () => w.clock.now() }, e)
    const created = await w.call('orders', openid, { action: 'createServiceOrder', requestId: rid('ob'), householdId, serviceItemId: SERVICE.cleaning.id, quantity: 1 })
    if (!created.ok) throw new Error(`createServiceOrder failed: ${created.code}`)
    return { openid, orderId: created.data.order.orderId, prepayId: created.data.payment.prepayId }
  }

  /** Runs `fn` with the n-th database call (counted from now) failing as a crash would (0 = no fault). */
  const withFaultAt = <T>(n: number, fn: () => Promise<T>) => crashAtCall(w.platform.local.engine, n, fn)

  it('the notify crashed at each of its database calls: after the repeat and the timer, every effect landed once', async () => {
    const first = await newOrder(0)
    const before = await facts(first.openid)
    const clean = await withFaultAt(0, () => w.sandbox.confirm(first.prepayId, first.openid))
    expect(clean.value.reply.errcode).toBe(0)
    expect(await paidEvent(w, first.orderId)).toMatchObject({ state: 'done', attempts: 0 })
    expect(delta(before, await facts(first.openid))).toEqual(ONE_ORDER)
    const callsPerNotify = clean.calls
    expect(callsPerNotify).toBeGreaterThan(5)

    const problems: string[] = []
    let answeredOkWithEffectsPending = 0
    let refusedBeforeCommit = 0
    let fired = 0
    for (let n = 1; n <= callsPerNotify; n++) {
      const o = await newOrder(n)
      const start = await facts(o.openid)
      const run = await withFaultAt(n, () => w.sandbox.confirm(o.prepayId, o.openid))
      // The first payment of the month makes a few more calls (rollup shards created) than later ones.
      if (run.faulted) fired += 1
      else if (n <= run.calls) problems.push(`call ${n}: the fault never fired`)
      const eventAfterNotify = await paidEvent(w, o.orderId)
      if (run.value.reply.errcode === 0 && eventAfterNotify?.state === 'pending') answeredOkWithEffectsPending += 1
      if (run.value.reply.errcode !== 0) {
        // Nothing may have committed: the money transaction is all or nothing.
        if (eventAfterNotify || (await orderDoc(w, o.orderId)).status !== 'created') problems.push(`call ${n}: refused notify but something committed`)
        refusedBeforeCommit += 1
        await w.sandbox.redeliverPayNotify(o.orderId)
      }
      const timer = await runOutboxTimer(w)
      if (!timer.ok) problems.push(`call ${n}: outbox timer failed ${timer.code}`)
      const order = await orderDoc(w, o.orderId)
      const got = { status: order.status, event: (await paidEvent(w, o.orderId))?.state, ...delta(start, await facts(o.openid)) }
      const want = { status: 'paid', event: 'done', ...ONE_ORDER }
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`call ${n}/${callsPerNotify} (${run.faultAction}, errcode ${run.value.reply.errcode}): ${JSON.stringify(got)}`)
    }
    expect(problems).toEqual([])
    expect(fired).toBeGreaterThan(callsPerNotify - 10)
    // Both sides of the commit were hit: crashes before it (WeChat repeats) and after it (the timer finishes).
    expect(refusedBeforeCommit).toBeGreaterThan(0)
    expect(answeredOkWithEffectsPending).toBeGreaterThan(0)
  }, 300_000)

  /** An order paid by a notify whose process died right after the commit: its event is left pending. */
  async function pendingOrder(i: number) {
    const o = await newOrder(i)
    const engine = w.platform.local.engine
    let committed = false
    engine.faultHook = (action) => {
      if (committed) throw new Error('crash after commit')
      if (action === 'database.commitTransaction') committed = true
    }
    try {
      expect((await w.sandbox.confirm(o.prepayId, o.openid)).reply.errcode).toBe(0)
    } finally {
      engine.faultHook = undefined
    }
    expect(await paidEvent(w, o.orderId)).toMatchObject({ state: 'pending' })
    return o
  }

  it('the timer crashed at each of its database calls: the next run finishes, once', async () => {
    // Warm-up orders first, one per household: an effect's first sight of a household or an item writes more
    // than later ones (the profiles area starts the household's scores and catalogues the item once), and the
    // probe must count the calls every later run makes.
    for (let k = 0; k < households.length; k++) await pendingOrder(300 + k)
    await runOutboxTimer(w)
    const probe = await pendingOrder(100)
    const probeStart = await facts(probe.openid)
    w.clock.advance(2 * 60_000)
    const clean = await withFaultAt(0, () => w.timer('orders', 'processOutbox'))
    expect(clean.value).toMatchObject({ ok: true, data: { processed: 1 } })
    // The probe's effects had not run before the timer: the timer applied all of them, once.
    expect({ event: (await paidEvent(w, probe.orderId))?.state, ...delta(probeStart, await facts(probe.openid)) }).toEqual({ event: 'done', ...ONE_ORDER })
    // A second probe: the first timer run after others can still make a call or two more than the next
    // (a one-off read such as the legacy paid-hook sweep finding nothing to move). Every later run makes at
    // least the smaller count, so crashing each of those positions is exhaustive for them.
    const probe2 = await pendingOrder(99)
    w.clock.advance(2 * 60_000)
    const clean2 = await withFaultAt(0, () => w.timer('orders', 'processOutbox'))
    expect(clean2.value).toMatchObject({ ok: true, data: { processed: 1 } })
    expect((await paidEvent(w, probe2.orderId))?.state).toBe('done')
    const timerCalls = Math.min(clean.calls, clean2.calls)
    expect(timerCalls).toBeGreaterThan(3)

    const problems: string[] = []
    for (let m = 1; m <= timerCalls; m++) {
      const o = await pendingOrder(100 + m)
      const start = await facts(o.openid)
      w.clock.advance(2 * 60_000)
      const crashed = await withFaultAt(m, () => w.timer('orders', 'processOutbox'))
      // A run can be a call or two shorter than the probe (a rule tag the probe's household gained for the
      // first time is inserted once): only the last positions may find no call to crash.
      if (!crashed.faulted && m < timerCalls - 1) problems.push(`m=${m}: the fault never fired`)
      const after = await runOutboxTimer(w)
      if (!after.ok) problems.push(`m=${m}: second timer failed ${after.code}`)
      const got = { event: (await paidEvent(w, o.orderId))?.state, ...delta(start, await facts(o.openid)) }
      const want = { event: 'done', ...ONE_ORDER }
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`timer call ${m}/${timerCalls} (${crashed.faultAction}): ${JSON.stringify(got)}`)
    }
    expect(problems).toEqual([])
  }, 300_000)

  it('an effect that ran but was not recorded (crash before the mark) changes nothing when run again', async () => {
    const o = await newOrder(200)
    expect((await w.sandbox.confirm(o.prepayId, o.openid)).reply.errcode).toBe(0)
    const event = await paidEvent(w, o.orderId)
    expect(event).toMatchObject({ state: 'done' })
    const settled = await facts(o.openid)
    // Replay every effect as if none had been recorded, twice.
    for (let i = 0; i < 2; i++) await processOutboxEvent({ platform: w.platform, now: () => w.clock.now() }, { ...event!, state: 'pending', done: [] })
    expect(delta(settled, await facts(o.openid))).toEqual({ orders: 0, gmvFen: 0, gridOrders: 0, attributions: 0, groupCredits: 0, memberOrders: 0 })
  }, 60_000)

  it('ops see what waits on their workbench: pending, then stuck after 10 minutes, then nothing once the timer ran', async () => {
    const followUps = async () => {
      const res = await w.call('households', 'demo-ops', { action: 'workbench' })
      if (!res.ok) throw new Error(res.code)
      return res.data.ops.followUps as { pending: number; stuck: number; oldestMinutes: number | null }
    }
    await runOutboxTimer(w)
    expect(await followUps()).toEqual({ pending: 0, stuck: 0, oldestMinutes: null })
    await pendingOrder(400)
    expect(await followUps()).toEqual({ pending: 1, stuck: 0, oldestMinutes: 0 })
    w.clock.advance(11 * 60_000)
    expect(await followUps()).toEqual({ pending: 1, stuck: 1, oldestMinutes: 11 })
    expect(await w.timer('orders', 'processOutbox')).toMatchObject({ ok: true, data: { processed: 1 } })
    expect(await followUps()).toEqual({ pending: 0, stuck: 0, oldestMinutes: null })
  }, 60_000)
})
