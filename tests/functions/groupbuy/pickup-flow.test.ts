import { dumpDatabase, rid } from '../../support/test-platform'
import { GROUPBUY_COLLECTIONS, type RedemptionDoc } from '../../../cloudfunctions/core/groupbuy/groupbuy.model'
import { all, addResidents, closeAfterDeadline, createCampaign, entry, openGroupbuyWorld, order, placeOrder, STEWARD, type GroupbuyWorld } from './groupbuy-test-kit'

/** The steward's side beyond a plain redeem: preview first, partial handovers, undo, the log, 今日待提. */
describe('groupbuy: pickup flow', () => {
  let w: GroupbuyWorld
  let people: { openid: string; householdId: string }[]
  let mine: string
  let other: string
  const codeOf = async (orderId: string) => (await entry(w, orderId))!.pickupCode!

  beforeEach(async () => {
    w = await openGroupbuyWorld()
    people = await addResidents(w, 2)
    const { campaignId, skuIds } = await createCampaign(w, {
      minParticipants: 1,
      skus: [
        { title: '脐橙 5斤装', priceFen: 3990, stock: 50, limitPerHousehold: 3 },
        { title: '砂糖橘 3斤装', priceFen: 2590, stock: 50, limitPerHousehold: 3 },
      ],
    })
    const pay = async (p: { openid: string; householdId: string }, items: { skuId: string; quantity: number }[], contact?: object) => {
      const res = await w.call('groupbuy', p.openid, { action: 'placeOrder', requestId: rid('gb'), campaignId, householdId: p.householdId, items, ...(contact ? { contact, note: '放门卫即可' } : {}) })
      if (!res.ok) throw new Error(res.code)
      await w.sandbox.confirm(res.data.payment.prepayId, p.openid)
      return res.data.order.orderId as string
    }
    mine = await pay(people[0], [{ skuId: skuIds[0], quantity: 2 }, { skuId: skuIds[1], quantity: 1 }], { name: '王小明', phone: '138 0013 8000' })
    other = await pay(people[1], [{ skuId: skuIds[1], quantity: 3 }])
    await closeAfterDeadline(w)
  })
  afterEach(() => w.close())

  const call = (action: string, input: Record<string, unknown>, openid = STEWARD) => w.call('groupbuy', openid, { action, requestId: rid('pk'), ...input })

  it('a lookup shows the order behind the code (household, masked collector, items) and writes nothing', async () => {
    const before = dumpDatabase(w.platform)
    const res = await w.call('groupbuy', STEWARD, { action: 'pickupLookup', code: await codeOf(mine) })
    expect(res).toMatchObject({
      ok: true,
      data: { orderId: mine, status: 'ready', contact: '王** · 尾号 8000', lines: [{ title: '脐橙 5斤装', quantity: 2, picked: 0, left: 2 }, { title: '砂糖橘 3斤装', left: 1 }] },
    })
    expect(JSON.stringify(res)).not.toContain('13800138000')
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it("a mistyped code that is another order's shows that other order; confirming with the order shown refuses if the code points elsewhere", async () => {
    const preview = await w.call('groupbuy', STEWARD, { action: 'pickupLookup', code: await codeOf(other) })
    expect(preview).toMatchObject({ ok: true, data: { orderId: other, lines: [{ title: '砂糖橘 3斤装', quantity: 3 }] } })
    const before = dumpDatabase(w.platform)
    expect(await call('redeemPickup', { code: await codeOf(other), orderId: mine })).toMatchObject({ ok: false, code: 'GROUPBUY.PICKUP_CHANGED' })
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it('partial pickup per SKU, then the rest; each handover is logged; the order is fulfilled only when all is handed over and the undo window has passed', async () => {
    const code = await codeOf(mine)
    const skuA = (await entry(w, mine))!.lines[0].skuId
    const first = await call('redeemPickup', { code, orderId: mine, items: [{ skuId: skuA, quantity: 1 }] })
    expect(first).toMatchObject({ ok: true, data: { status: 'partly_picked', handedOver: [{ quantity: 1 }], lines: [{ picked: 1, left: 1 }, { picked: 0, left: 1 }] } })
    expect(await order(w, mine)).toMatchObject({ status: 'paid' })
    expect(await call('redeemPickup', { code, items: [{ skuId: skuA, quantity: 2 }] })).toMatchObject({ ok: false, code: 'GROUPBUY.PICKUP_TOO_MANY' })
    const rest = await call('redeemPickup', { code, orderId: mine })
    expect(rest).toMatchObject({ ok: true, data: { status: 'picked_up', handedOver: [{ quantity: 1 }, { quantity: 1 }] } })
    expect(await entry(w, mine)).toMatchObject({ stage: 'picked_up', picked: { [skuA]: 2 }, fulfilState: 'due' })
    expect(await order(w, mine)).toMatchObject({ status: 'paid' })
    await w.timer('groupbuy', 'closeDue')
    expect(await order(w, mine)).toMatchObject({ status: 'paid' })
    w.clock.advance(3 * 60_000)
    await w.timer('groupbuy', 'closeDue')
    expect(await order(w, mine)).toMatchObject({ status: 'fulfilled' })
    expect(await entry(w, mine)).toMatchObject({ fulfilState: 'done' })
    const log = await all<RedemptionDoc>(w, GROUPBUY_COLLECTIONS.redemptions, { orderId: mine })
    expect(log.map((r) => [r.version, r.completed, r.by, r.lines.reduce((s, l) => s + l.quantity, 0)]).sort()).toEqual([
      [1, false, STEWARD, 1],
      [2, true, STEWARD, 2],
    ])
  })

  it('undo: the latest handover, by whoever made it, within 3 minutes; a completing one only until its fulfilment is claimed', async () => {
    const code = await codeOf(mine)
    const skuA = (await entry(w, mine))!.lines[0].skuId
    const first = await call('redeemPickup', { code, items: [{ skuId: skuA, quantity: 1 }] })
    if (!first.ok) throw new Error(first.code)
    expect(await call('undoPickup', { redemptionId: first.data.redemptionId }, 'demo-steward-2')).toMatchObject({ ok: false, code: 'GROUPBUY.UNDO_NOT_ALLOWED' })
    const undone = await call('undoPickup', { redemptionId: first.data.redemptionId })
    expect(undone).toMatchObject({ ok: true, data: { status: 'ready', lines: [{ picked: 0, left: 2 }, { picked: 0 }] } })
    expect((await all<RedemptionDoc>(w, GROUPBUY_COLLECTIONS.redemptions, { orderId: mine }))[0]).toMatchObject({ undoneBy: STEWARD })
    expect(await call('undoPickup', { redemptionId: first.data.redemptionId })).toMatchObject({ ok: false, code: 'GROUPBUY.UNDO_NOT_ALLOWED' })

    const late = await call('redeemPickup', { code, items: [{ skuId: skuA, quantity: 1 }] })
    if (!late.ok) throw new Error(late.code)
    w.clock.advance(3 * 60_000 + 1000)
    expect(await call('undoPickup', { redemptionId: late.data.redemptionId })).toMatchObject({ ok: false, code: 'GROUPBUY.UNDO_EXPIRED' })
    const all2 = await call('redeemPickup', { code })
    if (!all2.ok) throw new Error(all2.code)
    w.clock.advance(3 * 60_000)
    await w.timer('groupbuy', 'closeDue')
    expect(await call('undoPickup', { redemptionId: all2.data.redemptionId })).toMatchObject({ ok: false, code: 'GROUPBUY.UNDO_EXPIRED' })
    expect(await entry(w, mine)).toMatchObject({ stage: 'picked_up', fulfilState: 'done' })
  })

  it('今日待提 lists the orders of pickup windows touching today (Asia/Shanghai), waiting first; residents are refused', async () => {
    // The kit's pickup window is 10:00–16:00 Beijing time the day after the deadline; closing ran the day before.
    expect(await w.call('groupbuy', STEWARD, { action: 'todayPickups' })).toMatchObject({ ok: true, data: { points: [] } })
    w.clock.advance(86400_000)
    const res = await w.call('groupbuy', STEWARD, { action: 'todayPickups' })
    if (!res.ok) throw new Error(res.code)
    expect(res.data.points).toHaveLength(1)
    expect(res.data.points[0]).toMatchObject({ point: '物业服务中心', waiting: 2, done: 0 })
    expect(res.data.points[0].entries.map((e: { orderId: string }) => e.orderId).sort()).toEqual([mine, other].sort())
    expect(await call('redeemPickup', { code: await codeOf(other) })).toMatchObject({ ok: true })
    const after = await w.call('groupbuy', STEWARD, { action: 'todayPickups' })
    expect(after).toMatchObject({ ok: true, data: { points: [{ waiting: 1, done: 1, entries: [{ orderId: mine, status: 'ready' }, { orderId: other, status: 'picked_up' }] }] } })
    expect(await w.call('groupbuy', people[0].openid, { action: 'todayPickups' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    // A week later the window is over: nothing to hand over today.
    w.clock.advance(7 * 86400_000)
    expect(await w.call('groupbuy', STEWARD, { action: 'todayPickups' })).toMatchObject({ ok: true, data: { points: [] } })
  })

  it('the resident sees code, items and what was handed over on the order detail; another household cannot see it', async () => {
    const skuA = (await entry(w, mine))!.lines[0].skuId
    await call('redeemPickup', { code: await codeOf(mine), items: [{ skuId: skuA, quantity: 1 }] })
    const res = await w.call('groupbuy', people[0].openid, { action: 'myOrder', orderId: mine })
    expect(res).toMatchObject({ ok: true, data: { entry: { pickupCode: await codeOf(mine), contactName: '王**', note: '放门卫即可', pickLines: [{ picked: 1, left: 1 }, { picked: 0, left: 1 }], shareable: false } } })
    expect(await w.call('groupbuy', people[1].openid, { action: 'myOrder', orderId: mine })).toMatchObject({ ok: false, code: 'GROUPBUY.ORDER_NOT_FOUND' })
    void placeOrder
  })
})
