import { rid } from '../../support/test-platform'
import { ATTRIBUTION_COLLECTIONS } from '../../../cloudfunctions/core/attribution/attribution.model'
import { all, closeAfterDeadline, createCampaign, entry, openGroupbuyWorld, order, OWNER, OWNER_HOUSEHOLD, paidOrder, STEWARD, type GroupbuyWorld } from './groupbuy-test-kit'

const UNDO_WINDOW = 3 * 60_000

/**
 * Undoing the handover that completed an order. Fulfilment (and with it the steward's commission) is deferred
 * until the undo window has passed, so an undo never has an accrual to reverse, and a late undo racing the
 * fulfilment sweep loses or wins as a whole: never an undone handover with commission, never a fulfilled order
 * that is back to awaiting pickup, never two accruals.
 */
describe('groupbuy: undo of a completing handover and the commission', () => {
  let w: GroupbuyWorld
  let orderId: string
  let code: string

  beforeEach(async () => {
    w = await openGroupbuyWorld()
    // The owner's household is in steward 张敏's grid: the order is attributed to them (home steward, 5%).
    const { campaignId, skuIds } = await createCampaign(w, { minParticipants: 1 })
    orderId = await paidOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, skuIds[0], 2)
    await closeAfterDeadline(w)
    code = (await entry(w, orderId))!.pickupCode!
  })
  afterEach(() => w.close())

  const redeem = (requestId = rid('pick')) => w.call('groupbuy', STEWARD, { action: 'redeemPickup', requestId, code })
  const undo = (redemptionId: string, requestId = rid('undo')) => w.call('groupbuy', STEWARD, { action: 'undoPickup', requestId, redemptionId })
  const sweep = () => w.timer('groupbuy', 'closeDue')
  const ledger = () => all<{ kind: string; amountFen: number; stewardOpenid: string }>(w, ATTRIBUTION_COLLECTIONS.ledger, { orderId })
  const fulfilments = async () => (await order(w, orderId))!.history.filter((h) => h.to === 'fulfilled').length

  it('undo within the window: nothing was fulfilled or accrued, the order waits again; replays change nothing twice', async () => {
    const redeemId = rid('pick')
    const done = await redeem(redeemId)
    if (!done.ok) throw new Error(done.code)
    expect(done.data).toMatchObject({ status: 'picked_up', lastRedemption: { mine: true } })
    expect(await order(w, orderId)).toMatchObject({ status: 'paid' })
    await sweep() // inside the window: the sweep leaves it alone
    expect(await ledger()).toEqual([])

    w.clock.advance(UNDO_WINDOW - 1000)
    const undoId = rid('undo')
    const undone = await undo(done.data.redemptionId, undoId)
    expect(undone).toMatchObject({ ok: true, data: { status: 'ready', lines: [{ picked: 0, left: 2 }] } })
    expect(await entry(w, orderId)).toMatchObject({ stage: 'awaiting_pickup', pickedUpAt: null, fulfilState: null })
    // The same undo replayed answers the first reply; the redeem replayed with its request id does not hand over again.
    expect(await undo(done.data.redemptionId, undoId)).toEqual(undone)
    expect(await redeem(redeemId)).toEqual(done)
    expect(await entry(w, orderId)).toMatchObject({ stage: 'awaiting_pickup' })

    // Long after the window: still nothing fulfilled, nothing accrued (the attribution sweep too).
    w.clock.advance(10 * UNDO_WINDOW)
    await sweep()
    await w.console('ops', { action: 'attributionReconcile', requestId: rid() })
    expect(await order(w, orderId)).toMatchObject({ status: 'paid' })
    expect(await ledger()).toEqual([])

    // Handed over for real this time: one fulfilment, one accrual of 5% of 7980, however often the timers run.
    const again = await redeem()
    if (!again.ok) throw new Error(again.code)
    w.clock.advance(UNDO_WINDOW)
    await Promise.all([sweep(), sweep()])
    await sweep()
    await w.console('ops', { action: 'attributionReconcile', requestId: rid() })
    expect(await fulfilments()).toBe(1)
    expect(await ledger()).toEqual([expect.objectContaining({ kind: 'accrual', stewardOpenid: STEWARD, amountFen: 399 })])
    expect(await undo(again.data.redemptionId)).toMatchObject({ ok: false, code: 'GROUPBUY.UNDO_EXPIRED' })
  })

  // The sweep starts `ticks` macrotasks after the undo: the engine yields between calls, so these place the
  // sweep's claim before, inside and after the undo's transaction.
  const outcomes: string[] = []
  const ticks = (n: number) => new Promise<void>((resolve) => (n <= 0 ? resolve() : setImmediate(() => void ticks(n - 1).then(resolve))))
  it.each([0, 3, 6, 9, 12, 18, 24, 40, 80])('an undo racing the fulfilment sweep at the last instant of the window (sweep %i ticks later): exactly one wins, whole', async (delay) => {
    const done = await redeem()
    if (!done.ok) throw new Error(done.code)
    w.clock.advance(UNDO_WINDOW) // both are allowed at this instant: the undo (≤ window) and the sweep (due ≤ now)
    const [undoReply] = await Promise.all([undo(done.data.redemptionId), ticks(delay).then(sweep), ticks(delay + 1).then(sweep)])
    await sweep()
    await w.console('ops', { action: 'attributionReconcile', requestId: rid() })
    const e = (await entry(w, orderId))!
    const o = (await order(w, orderId))!
    outcomes.push(undoReply.ok ? 'undo' : 'fulfil')
    if (undoReply.ok) {
      expect(e).toMatchObject({ stage: 'awaiting_pickup', fulfilState: null })
      expect(o.status).toBe('paid')
      expect(await ledger()).toEqual([])
    } else {
      expect(undoReply).toMatchObject({ code: 'GROUPBUY.UNDO_EXPIRED' })
      expect(e).toMatchObject({ stage: 'picked_up', fulfilState: 'done' })
      expect(o.status).toBe('fulfilled')
      expect(await fulfilments()).toBe(1)
      expect(await ledger()).toHaveLength(1)
    }
  })

  it('the races above went both ways (so both branches were checked)', () => {
    expect(new Set(outcomes)).toEqual(new Set(['undo', 'fulfil']))
  })

  it('a crash between claiming the fulfilment and fulfilling the order is finished by the next run, once', async () => {
    const done = await redeem()
    if (!done.ok) throw new Error(done.code)
    w.clock.advance(UNDO_WINDOW)
    // The order move fails once, after the claim (entry → fulfilling) was written.
    let failures = 0
    w.platform.local.engine.faultHook = (action, params) => {
      if (params.collectionName === 'orders' && action === 'database.modifyDocument' && failures++ === 0) throw new Error('database unavailable')
    }
    await sweep()
    w.platform.local.engine.faultHook = undefined
    expect(await entry(w, orderId)).toMatchObject({ fulfilState: 'fulfilling' })
    expect(await order(w, orderId)).toMatchObject({ status: 'paid' })
    expect(await undo(done.data.redemptionId)).toMatchObject({ ok: false, code: 'GROUPBUY.UNDO_EXPIRED' })
    await sweep()
    await sweep()
    expect(await entry(w, orderId)).toMatchObject({ fulfilState: 'done' })
    expect(await fulfilments()).toBe(1)
    expect(await ledger()).toHaveLength(1)
  })
})
