import { rid } from '../../support/test-platform'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type EntryDoc, type PickupCodeDoc } from '../../../cloudfunctions/core/groupbuy/groupbuy.model'
import { NOTIFY_LOG_COLLECTION } from '../../../cloudfunctions/core/notify/notify.service'
import {
  addResidents,
  all,
  closeAfterDeadline,
  createCampaign,
  docById,
  entry,
  openGroupbuyWorld,
  order,
  paidOrder,
  placeOrder,
  refundsOf,
  sku,
  type GroupbuyWorld,
} from './groupbuy-test-kit'

const MINUTE = 60_000

async function campaignOf(w: GroupbuyWorld, id: string) {
  return (await docById<CampaignDoc>(w, GROUPBUY_COLLECTIONS.campaigns, id))!
}

/** A campaign needing 10 households, 6 of which paid (one of them twice), and one order left unpaid. */
async function notFormedWorld() {
  const w = await openGroupbuyWorld()
  const people = await addResidents(w, 7)
  const { campaignId, skuIds } = await createCampaign(w, { minParticipants: 10, skus: [{ title: '车厘子 2斤', priceFen: 8800, stock: 50, limitPerHousehold: 3 }] })
  const paid: string[] = []
  for (const p of people.slice(0, 6)) paid.push(await paidOrder(w, p.openid, p.householdId, campaignId, skuIds[0]))
  paid.push(await paidOrder(w, people[0].openid, people[0].householdId, campaignId, skuIds[0], 2))
  const unpaid = await placeOrder(w, people[6].openid, people[6].householdId, campaignId, [{ skuId: skuIds[0], quantity: 1 }])
  if (!unpaid.ok) throw new Error(unpaid.code)
  return { w, campaignId, skuId: skuIds[0], paid, unpaidId: unpaid.data.order.orderId as string }
}

async function expectEachRefundedOnce(w: GroupbuyWorld, paid: string[]) {
  await w.sandbox.settleRefunds()
  for (const id of paid) {
    const refunds = await refundsOf(w, id)
    expect({ id, refunds: refunds.map((r) => [r.status, r.amountFen]) }).toEqual({ id, refunds: [['succeeded', (await order(w, id))!.paidFen]] })
    expect(await order(w, id)).toMatchObject({ status: 'refunded' })
    expect(await entry(w, id)).toMatchObject({ stage: 'refunded', hold: 'released' })
    expect(w.sandbox.store.refundsOf(id)).toHaveLength(1)
  }
}

describe('groupbuy: closing at the deadline', () => {
  it('not formed: every paid order gets its own refund, the residents are told once, stock goes back', async () => {
    const { w, campaignId, skuId, paid, unpaidId } = await notFormedWorld()
    try {
      const res = await closeAfterDeadline(w)
      expect(res).toMatchObject({ ok: true, data: { decided: 1, failed: 1, refundsRequested: 7, closed: 1, errors: 0 } })
      expect(await campaignOf(w, campaignId)).toMatchObject({ status: 'closed', outcome: 'failed', participantsAtClose: 6 })
      await expectEachRefundedOnce(w, paid)
      const told = await all<{ _id: string; toOpenid: string }>(w, NOTIFY_LOG_COLLECTION)
      expect(told.filter((n) => n._id.startsWith('groupbuy-result-')).map((n) => n._id).sort()).toEqual(paid.map((id) => `groupbuy-result-${id}`).sort())
      // The unpaid order is left to its 15-minute expiry, which releases its unit too.
      expect(await entry(w, unpaidId)).toMatchObject({ stage: 'unpaid', hold: 'held' })
      await w.timer('orders', 'expireUnpaid')
      expect(await entry(w, unpaidId)).toMatchObject({ stage: 'cancelled', hold: 'released' })
      expect(await sku(w, skuId)).toMatchObject({ remaining: 50, holders: [] })
      // A second run finds nothing to do.
      expect(await w.timer('groupbuy', 'closeDue')).toMatchObject({ ok: true, data: { decided: 0, refundsRequested: 0 } })
    } finally {
      w.close()
    }
  })

  it.each([4, 11, 19, 30, 45])('not formed, the job crashes after %i database calls, then runs twice at once and once more: each order refunded exactly once', async (crashAfter) => {
    const { w, paid } = await notFormedWorld()
    try {
      const engine = w.platform.local.engine
      w.clock.advance(49 * 60 * MINUTE)
      engine.resetCallCount()
      engine.faultHook = (_action, _params, n) => {
        if (n > crashAfter) throw new Error('function instance died')
      }
      await w.timer('groupbuy', 'closeDue')
      engine.faultHook = undefined
      // The next runs come with the next minute's timer: by then the database has aborted whatever
      // transaction the dead instance left open (a transaction lives at most 30 s, as in CloudBase).
      w.clock.advance(MINUTE)
      await Promise.all([w.timer('groupbuy', 'closeDue'), w.timer('groupbuy', 'closeDue')])
      await w.timer('groupbuy', 'closeDue')
      // The orders core's reconcile timer would resubmit a refund whose gateway call was lost in the crash.
      await w.timer('orders', 'reconcilePayments')
      await expectEachRefundedOnce(w, paid)
      const told = await all<{ _id: string }>(w, NOTIFY_LOG_COLLECTION)
      expect(told.filter((n) => n._id.startsWith('groupbuy-result-')).length).toBeLessThanOrEqual(paid.length)
    } finally {
      w.close()
    }
  })

  it('formed: each paid order gets its own pickup code (stable across re-runs); a household with two orders counts once', async () => {
    const w = await openGroupbuyWorld()
    try {
      const people = await addResidents(w, 3)
      const { campaignId, skuIds } = await createCampaign(w, { minParticipants: 3 })
      const paid = [
        await paidOrder(w, people[0].openid, people[0].householdId, campaignId, skuIds[0]),
        await paidOrder(w, people[0].openid, people[0].householdId, campaignId, skuIds[0]),
        await paidOrder(w, people[1].openid, people[1].householdId, campaignId, skuIds[0]),
      ]
      // Two households paid: not enough yet. A third makes it.
      const early = await w.call('groupbuy', people[2].openid, { action: 'campaign', campaignId })
      expect(early).toMatchObject({ ok: true, data: { campaign: { participants: 2, missing: 1 } } })
      paid.push(await paidOrder(w, people[2].openid, people[2].householdId, campaignId, skuIds[0]))

      expect(await closeAfterDeadline(w)).toMatchObject({ ok: true, data: { formed: 1, pickupCodesIssued: 4, closed: 1 } })
      const codes = new Map<string, string>()
      for (const id of paid) {
        const e = (await entry(w, id))!
        expect(e.stage).toBe('awaiting_pickup')
        expect(e.pickupCode).toMatch(/^\d{8}$/)
        codes.set(id, e.pickupCode!)
        expect(await order(w, id)).toMatchObject({ status: 'paid' })
      }
      expect(new Set(codes.values()).size).toBe(4)
      const claims = await all<PickupCodeDoc>(w, GROUPBUY_COLLECTIONS.pickupCodes)
      expect(claims.map((c) => c.orderId).sort()).toEqual([...paid].sort())
      expect(await w.timer('groupbuy', 'closeDue')).toMatchObject({ ok: true, data: { pickupCodesIssued: 0 } })
      for (const id of paid) expect((await entry(w, id))!.pickupCode).toBe(codes.get(id))

      const mine = await w.call('groupbuy', people[0].openid, { action: 'myOrders' })
      expect(mine).toMatchObject({ ok: true, data: { items: [{ stage: 'awaiting_pickup' }, { stage: 'awaiting_pickup' }] } })
      if (mine.ok) expect(mine.data.items.map((i: { pickupCode: string }) => i.pickupCode).sort()).toEqual([codes.get(paid[0]), codes.get(paid[1])].sort())
    } finally {
      w.close()
    }
  })

  it('an order placed before the deadline and paid after the outcome was decided gets that outcome (refund when not formed)', async () => {
    const w = await openGroupbuyWorld()
    try {
      const [p] = await addResidents(w, 1)
      const { campaignId, skuIds } = await createCampaign(w, { minParticipants: 5, deadlineInHours: 1 })
      w.clock.advance(55 * MINUTE)
      const placed = await placeOrder(w, p.openid, p.householdId, campaignId, [{ skuId: skuIds[0], quantity: 1 }], rid())
      if (!placed.ok) throw new Error(placed.code)
      w.clock.advance(6 * MINUTE)
      expect(await w.timer('groupbuy', 'closeDue')).toMatchObject({ ok: true, data: { failed: 1, refundsRequested: 0, closed: 1 } })
      await w.sandbox.confirm(placed.data.payment.prepayId, p.openid)
      const id = placed.data.order.orderId
      expect(await entry(w, id)).toMatchObject({ stage: 'refund_pending' })
      await expectEachRefundedOnce(w, [id])
    } finally {
      w.close()
    }
  })

  it('ops end a campaign early: it is decided at once and later orders are refused as after the deadline', async () => {
    const w = await openGroupbuyWorld()
    try {
      const [p, q] = await addResidents(w, 2)
      const { campaignId, skuIds } = await createCampaign(w, { minParticipants: 1 })
      const id = await paidOrder(w, p.openid, p.householdId, campaignId, skuIds[0])
      expect(await w.call('ops', 'demo-ops', { action: 'groupbuyCloseNow', requestId: rid(), campaignId })).toMatchObject({ ok: true, data: { formed: 1, pickupCodesIssued: 1, closed: 1 } })
      expect(await entry(w, id)).toMatchObject({ stage: 'awaiting_pickup' })
      expect(await placeOrder(w, q.openid, q.householdId, campaignId, [{ skuId: skuIds[0], quantity: 1 }])).toMatchObject({ ok: false, code: 'GROUPBUY.DEADLINE_PASSED' })
      expect(await w.call('ops', p.openid, { action: 'groupbuyCloseNow', requestId: rid(), campaignId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    } finally {
      w.close()
    }
  })

  it('entries of other campaigns are untouched by a campaign closing', async () => {
    const w = await openGroupbuyWorld()
    try {
      const people = await addResidents(w, 2)
      const soon = await createCampaign(w, { minParticipants: 5, deadlineInHours: 1 })
      const later = await createCampaign(w, { minParticipants: 1, deadlineInHours: 200 })
      const a = await paidOrder(w, people[0].openid, people[0].householdId, soon.campaignId, soon.skuIds[0])
      const b = await paidOrder(w, people[1].openid, people[1].householdId, later.campaignId, later.skuIds[0])
      await closeAfterDeadline(w, 2)
      expect((await entry(w, a))!.stage).toBe('refund_pending')
      expect((await entry(w, b)) as EntryDoc).toMatchObject({ stage: 'paid' })
      expect(await campaignOf(w, later.campaignId)).toMatchObject({ status: 'open', outcome: null })
    } finally {
      w.close()
    }
  })
})
