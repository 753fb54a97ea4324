import { dumpDatabase, rid } from '../../support/test-platform'
import { GROUPBUY_COLLECTIONS } from '../../../cloudfunctions/core/groupbuy/groupbuy.model'
import { addResidents, createCampaign, entry, OWNER, OWNER_HOUSEHOLD, openGroupbuyWorld, placeOrder, quotas, sku, type GroupbuyWorld } from './groupbuy-test-kit'

const HOUR = 3600_000

describe('groupbuy: ordering rules', () => {
  let w: GroupbuyWorld
  beforeEach(async () => {
    w = await openGroupbuyWorld()
  })
  afterEach(() => w.close())

  it('an order within the rules holds stock and quota and answers with sandbox prepay parameters', async () => {
    const { campaignId, skuIds } = await createCampaign(w)
    const res = await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 2 }])
    expect(res).toMatchObject({ ok: true, data: { order: { type: 'groupbuy', status: 'created', amountFen: 2 * 3990, can: { pay: true } }, payment: { provider: 'sandbox' } } })
    if (!res.ok) return
    expect((await sku(w, skuIds[0]))!.remaining).toBe(98)
    expect(await entry(w, res.data.order.orderId)).toMatchObject({ hold: 'held', stage: 'unpaid', campaignId, householdId: OWNER_HOUSEHOLD })
  })

  it('an order after the deadline is refused and writes nothing', async () => {
    const { campaignId, skuIds } = await createCampaign(w, { deadlineInHours: 2 })
    w.clock.advance(2 * HOUR)
    const before = dumpDatabase(w.platform)
    const res = await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 1 }])
    expect(res).toMatchObject({ ok: false, code: 'GROUPBUY.DEADLINE_PASSED' })
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it("an order in another community's campaign is refused and writes nothing", async () => {
    expect((await w.console('ops', { action: 'upsertCommunity', communityId: 'c-lakeside', name: '湖畔雅苑' })).ok).toBe(true)
    const { campaignId, skuIds } = await createCampaign(w, { communityId: 'c-lakeside' })
    const before = dumpDatabase(w.platform)
    const res = await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 1 }])
    expect(res).toMatchObject({ ok: false, code: 'GROUPBUY.WRONG_COMMUNITY' })
    // Nor for a household the caller does not belong to.
    const [lake] = await addResidents(w, 1, 'c-lakeside', 'lake')
    const beforeForeign = dumpDatabase(w.platform)
    expect(await placeOrder(w, OWNER, lake.householdId, campaignId, [{ skuId: skuIds[0], quantity: 1 }])).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(w.platform)).toEqual(beforeForeign)
    expect(before[GROUPBUY_COLLECTIONS.entries] ?? []).toEqual([])
  })

  it('the per-household limit holds across two orders, and for two members of the same household', async () => {
    const { campaignId, skuIds } = await createCampaign(w) // limit 2
    const first = await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 1 }])
    expect(first.ok).toBe(true)
    const second = await placeOrder(w, 'demo-family', OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 2 }])
    expect(second).toMatchObject({ ok: false, code: 'GROUPBUY.LIMIT_EXCEEDED' })
    const third = await placeOrder(w, 'demo-family', OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 1 }])
    expect(third.ok).toBe(true)
    const fourth = await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 1 }])
    expect(fourth).toMatchObject({ ok: false, code: 'GROUPBUY.LIMIT_EXCEEDED' })
    const [q] = await quotas(w, skuIds[0])
    expect(q.held).toBe(2)
    expect((await sku(w, skuIds[0]))!.remaining).toBe(98)
  })

  it('more than the limit in one order, or more than is left, is refused before anything is written', async () => {
    const { campaignId, skuIds } = await createCampaign(w, { skus: [{ title: '榴莲', priceFen: 19900, stock: 1, limitPerHousehold: 3 }] })
    const before = dumpDatabase(w.platform)
    expect(await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 4 }])).toMatchObject({ ok: false, code: 'GROUPBUY.LIMIT_EXCEEDED' })
    expect(await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 2 }])).toMatchObject({ ok: false, code: 'GROUPBUY.SOLD_OUT' })
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it('bad input (unknown SKU, SKU of another campaign, zero quantity, duplicate SKU lines, draft campaign) writes nothing', async () => {
    const a = await createCampaign(w)
    const b = await createCampaign(w)
    const draft = await createCampaign(w, { publish: false })
    const before = dumpDatabase(w.platform)
    const cases: [Record<string, unknown>, string][] = [
      [{ campaignId: a.campaignId, items: [{ skuId: 'nope', quantity: 1 }] }, 'GROUPBUY.SKU_NOT_FOUND'],
      [{ campaignId: a.campaignId, items: [{ skuId: b.skuIds[0], quantity: 1 }] }, 'GROUPBUY.SKU_NOT_FOUND'],
      [{ campaignId: a.campaignId, items: [{ skuId: a.skuIds[0], quantity: 0 }] }, 'VALIDATION.FAILED'],
      [{ campaignId: a.campaignId, items: [{ skuId: a.skuIds[0], quantity: 1 }, { skuId: a.skuIds[0], quantity: 1 }] }, 'VALIDATION.FAILED'],
      [{ campaignId: a.campaignId, items: [] }, 'VALIDATION.FAILED'],
      [{ campaignId: draft.campaignId, items: [{ skuId: draft.skuIds[0], quantity: 1 }] }, 'GROUPBUY.CAMPAIGN_NOT_FOUND'],
      [{ campaignId: 'gb_missing', items: [{ skuId: a.skuIds[0], quantity: 1 }] }, 'GROUPBUY.CAMPAIGN_NOT_FOUND'],
    ]
    for (const [input, code] of cases) {
      const res = await w.call('groupbuy', OWNER, { action: 'placeOrder', requestId: rid(), householdId: OWNER_HOUSEHOLD, ...input })
      expect({ input, code: res.ok ? 'ok' : res.code }).toEqual({ input, code })
    }
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it('a retry with the same requestId returns the same order and holds stock once', async () => {
    const { campaignId, skuIds } = await createCampaign(w)
    const requestId = rid('retry')
    const first = await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 1 }], requestId)
    const again = await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 1 }], requestId)
    expect(first.ok && again.ok && again.data.order.orderId === first.data.order.orderId).toBe(true)
    expect((await sku(w, skuIds[0]))!.remaining).toBe(99)
  })

  it('a crash half-way through the reservation is finished by the retry, without holding twice', async () => {
    const { campaignId, skuIds } = await createCampaign(w)
    const engine = w.platform.local.engine
    const requestId = rid('crash')
    // Fail the write that lists the order (after quota and stock were taken): the draft stays behind.
    engine.faultHook = (action, params) => {
      if (action === 'database.modifyDocument' && JSON.stringify(params).includes('listed')) throw new Error('network down')
    }
    const crashed = await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 2 }], requestId)
    engine.faultHook = undefined
    expect(crashed).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect((await sku(w, skuIds[0]))!.remaining).toBe(98)
    const retried = await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 2 }], requestId)
    expect(retried).toMatchObject({ ok: true, data: { order: { status: 'created' } } })
    expect((await sku(w, skuIds[0]))!.remaining).toBe(98)
    expect((await quotas(w, skuIds[0]))[0].held).toBe(2)
  })
})
