import { rid } from '../../support/test-platform'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { ATTRIBUTION_COLLECTIONS } from '../../../cloudfunctions/core/attribution/attribution.model'
import { METRIC_COLLECTIONS, sumRollupShards, rollupId, type RollupDoc } from '../../../cloudfunctions/core/metrics/rollup.model'
import { COLLECTIONS } from '../../../cloudfunctions/core/households/registry-collections'
import { A, COMMUNITY, SERVICE, bind, openAttributionWorld, orderDoc, type AttributionWorld } from './attribution-test-kit'

/**
 * A pay notify commits the payment, then applies its downstream effects (attribution, sales rollups,
 * group activity) from the order's outbox mark (paidHook 'pending'). A crash at ANY database call of that
 * processing must neither lose an effect nor apply one twice once the reconcile timer has run: the money
 * part is answered OK to WeChat, and the figures count the order exactly once.
 */
describe('deferred paid effects: a crash at every step loses nothing and doubles nothing', () => {
  let w: AttributionWorld
  let households: string[] = []
  beforeAll(async () => {
    w = await openAttributionWorld('2026-11-10T02:00:00Z')
    // Households of building 1 (steward A's grid), one fresh buyer per run.
    const rows = must(await w.platform.db.collection(COLLECTIONS.households).limit(1000).get()).data as { _id: string }[]
    households = rows.map((r) => r._id).filter((id) => id.startsWith('h-1-')).sort()
  }, 60_000)
  afterAll(() => w.close())

  const month = '2026-11'
  const communityTotals = async () => {
    const rows = must(await w.platform.db.collection(METRIC_COLLECTIONS.rollups).where({ month }).limit(1000).get()).data as RollupDoc[]
    const sums = sumRollupShards(rows)
    const c = sums.get(rollupId('community', month, COMMUNITY))
    const g = sums.get(rollupId('grid', month, A.grid))
    return { orders: c?.orders ?? 0, gmvFen: c?.gmvFen ?? 0, gridOrders: g?.orders ?? 0 }
  }
  const attributions = async () => must(await w.platform.db.collection(ATTRIBUTION_COLLECTIONS.attributions).count()).total as number

  /** Creates an order and delivers its notify, failing the n-th DB call counted from the notify (0 = no fault). */
  async function payWithFaultAt(n: number, householdOffset: number): Promise<{ orderId: string; errcode: number; faulted: boolean; calls: number }> {
    const openid = `fx-${householdOffset}`
    const householdId = households[householdOffset]
    await bind(w, openid, householdId)
    const created = await w.call('orders', openid, { action: 'createServiceOrder', requestId: rid('fx'), householdId, serviceItemId: SERVICE.cleaning.id, quantity: 1 })
    if (!created.ok) throw new Error(`createServiceOrder failed: ${created.code}`)
    const engine = w.platform.local.engine
    engine.resetCallCount()
    let faulted = false
    engine.faultHook = (_action, _params, callNumber) => {
      if (n > 0 && callNumber === n) {
        faulted = true
        throw new Error('injected crash')
      }
    }
    let errcode: number
    try {
      errcode = (await w.sandbox.confirm(created.data.payment.prepayId, openid)).reply.errcode
    } finally {
      engine.faultHook = undefined
    }
    return { orderId: created.data.order.orderId, errcode, faulted, calls: engine.callCount }
  }

  it('every call of the notify, failed in turn, ends with the order counted once after the timer', async () => {
    const before = await communityTotals()
    const clean = await payWithFaultAt(0, 0)
    expect(clean.errcode).toBe(0)
    expect((await orderDoc(w, clean.orderId)).paidHook).toBe('done')
    const afterClean = await communityTotals()
    expect(afterClean.orders - before.orders).toBe(1)
    expect(afterClean.gmvFen - before.gmvFen).toBe(SERVICE.cleaning.fen)
    const callsPerNotify = clean.calls
    expect(callsPerNotify).toBeGreaterThan(5)

    const problems: string[] = []
    let deferred = 0
    for (let n = 1; n <= callsPerNotify; n++) {
      const startTotals = await communityTotals()
      const startAttr = await attributions()
      const run = await payWithFaultAt(n, n)
      if (!run.faulted) problems.push(`call ${n}: the fault never fired`)
      if (run.errcode === 0 && (await orderDoc(w, run.orderId)).paidHook === 'pending') deferred += 1
      // Whatever the notify answered, WeChat repeats refused notifies and the timer finishes pending work.
      if (run.errcode !== 0) await w.sandbox.redeliverPayNotify(run.orderId)
      const timer = await w.timer('orders', 'reconcilePayments')
      if (!timer.ok) problems.push(`call ${n}: reconcile failed ${timer.code}`)
      const order = await orderDoc(w, run.orderId)
      const end = await communityTotals()
      const facts = {
        status: order.status,
        paidHook: order.paidHook,
        orders: end.orders - startTotals.orders,
        gmvFen: end.gmvFen - startTotals.gmvFen,
        gridOrders: end.gridOrders - startTotals.gridOrders,
        attributions: (await attributions()) - startAttr,
      }
      const expected = { status: 'paid', paidHook: 'done', orders: 1, gmvFen: SERVICE.cleaning.fen, gridOrders: 1, attributions: 1 }
      if (JSON.stringify(facts) !== JSON.stringify(expected)) problems.push(`call ${n}/${callsPerNotify} (faulted: ${run.faulted}, errcode ${run.errcode}): ${JSON.stringify(facts)}`)
    }
    expect(problems).toEqual([])
    // Some crashes hit the effects after the money part: those notifies were answered OK with work pending.
    expect(deferred).toBeGreaterThan(0)
  }, 240_000)
})
