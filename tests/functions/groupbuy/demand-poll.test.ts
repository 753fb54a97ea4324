import { rid } from '../../support/test-platform'
import { NOTIFY_LOG_COLLECTION } from '../../../cloudfunctions/core/notify/notify.service'
import { ORDER_COLLECTIONS } from '../../../cloudfunctions/core/orders/order.model'
import { all, addResidents, DEMO_COMMUNITY_ID, docById, openGroupbuyWorld, STEWARD, type GroupbuyWorld } from './groupbuy-test-kit'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type SkuDoc } from '../../../cloudfunctions/core/groupbuy/groupbuy.model'

const HOUR = 3600_000

/** 严选/预售: intent without money; the target reached sources a campaign, the deadline reached first charges nobody. */
describe('groupbuy: demand polls', () => {
  let w: GroupbuyWorld
  let people: { openid: string; householdId: string }[]
  beforeEach(async () => {
    w = await openGroupbuyWorld()
    people = await addResidents(w, 4)
  })
  afterEach(() => w.close())

  async function openPoll(target = 3) {
    const now = w.clock.now().getTime()
    const res = await w.call('groupbuy', STEWARD, {
      action: 'openPoll',
      requestId: rid('poll'),
      communityId: DEMO_COMMUNITY_ID,
      title: '五常大米 严选',
      spec: '10斤/袋',
      targetPriceFen: 5990,
      originalPriceFen: 7990,
      targetHouseholds: target,
      limitPerHousehold: 3,
      deadline: new Date(now + 72 * HOUR).toISOString(),
      payWindowHours: 24,
      pickup: { point: '物业服务中心', startsAt: new Date(now + 120 * HOUR).toISOString(), endsAt: new Date(now + 126 * HOUR).toISOString() },
    })
    if (!res.ok) throw new Error(`${res.code} ${res.message}`)
    return res.data.pollId as string
  }
  const register = (p: { openid: string; householdId: string }, pollId: string, quantity = 1) =>
    w.call('groupbuy', p.openid, { action: 'registerIntent', requestId: rid('in'), pollId, householdId: p.householdId, quantity })

  it('threshold reached → a pre-sale campaign is sourced, every registered household is told to pay, those who pay count as converted', async () => {
    const pollId = await openPoll(3)
    expect(await register(people[0], pollId, 2)).toMatchObject({ ok: true, data: { poll: { status: 'open', households: 1, missing: 2, myIntent: { quantity: 2 } } } })
    // Registering again changes the quantity, not the count; no order or payment exists yet.
    expect(await register(people[0], pollId, 3)).toMatchObject({ ok: true, data: { poll: { households: 1 } } })
    await register(people[1], pollId)
    expect(await all(w, ORDER_COLLECTIONS.orders, { type: 'groupbuy' })).toEqual([])
    const third = await register(people[2], pollId)
    expect(third).toMatchObject({ ok: true, data: { poll: { status: 'sourced', households: 3, campaignId: expect.any(String), payBy: expect.any(String) } } })
    const campaignId = third.ok ? third.data.poll.campaignId : ''
    const campaign = await docById<CampaignDoc>(w, GROUPBUY_COLLECTIONS.campaigns, campaignId)
    expect(campaign).toMatchObject({ mode: 'presale', status: 'open', minParticipants: 3, priceFromFen: 5990 })
    const sku = (await all<SkuDoc>(w, GROUPBUY_COLLECTIONS.skus, { campaignId }))[0]
    expect(sku).toMatchObject({ priceFen: 5990, originalPriceFen: 7990, stock: 5 + 1, limitPerHousehold: 3 })
    const told = await all<{ toOpenid: string; template: string }>(w, NOTIFY_LOG_COLLECTION, { template: 'groupbuy_poll' })
    expect(told.map((m) => m.toOpenid).sort()).toEqual([people[0].openid, people[1].openid, people[2].openid].sort())
    // Too late to register into a sourced poll.
    expect(await register(people[3], pollId)).toMatchObject({ ok: false, code: 'GROUPBUY.POLL_CLOSED' })

    // Two of the three pay; the conversion shows 2 / 3 to the steward, and nothing to a resident.
    for (const p of people.slice(0, 2)) {
      const res = await w.call('groupbuy', p.openid, { action: 'placeOrder', requestId: rid('po'), campaignId, householdId: p.householdId, items: [{ skuId: sku._id, quantity: 1 }] })
      if (!res.ok) throw new Error(res.code)
      await w.sandbox.confirm(res.data.payment.prepayId, p.openid)
    }
    expect(await w.call('groupbuy', STEWARD, { action: 'poll', pollId })).toMatchObject({ ok: true, data: { poll: { conversion: { intents: 3, paid: 2, rate: 0.667 } } } })
    expect(await w.call('groupbuy', people[0].openid, { action: 'poll', pollId })).toMatchObject({ ok: true, data: { poll: { conversion: null } } })
  })

  it('not reached by the deadline → closed as failed, nobody charged, registered households told; a late intent is refused', async () => {
    const pollId = await openPoll(3)
    await register(people[0], pollId)
    await register(people[1], pollId)
    expect(await w.call('groupbuy', people[1].openid, { action: 'withdrawIntent', requestId: rid('wd'), pollId, householdId: people[1].householdId })).toMatchObject({
      ok: true,
      data: { poll: { households: 1, myIntent: null } },
    })
    w.clock.advance(73 * HOUR)
    expect(await register(people[2], pollId)).toMatchObject({ ok: false, code: 'GROUPBUY.POLL_CLOSED' })
    await w.timer('groupbuy', 'closeDue')
    expect(await w.call('groupbuy', STEWARD, { action: 'poll', pollId })).toMatchObject({ ok: true, data: { poll: { status: 'failed', campaignId: null } } })
    expect(await all(w, ORDER_COLLECTIONS.orders, {})).toEqual([])
    expect(await all(w, ORDER_COLLECTIONS.refunds, {})).toEqual([])
    expect(await all(w, GROUPBUY_COLLECTIONS.campaigns, { mode: 'presale' })).toEqual([])
    const told = await all<{ toOpenid: string }>(w, NOTIFY_LOG_COLLECTION, { template: 'groupbuy_poll' })
    expect(told.map((m) => m.toOpenid)).toEqual([people[0].openid])
    // Running the timer again changes nothing.
    await w.timer('groupbuy', 'closeDue')
    expect(await all(w, NOTIFY_LOG_COLLECTION, { template: 'groupbuy_poll' })).toHaveLength(1)
  })

  it('only staff of the community open polls; residents of another community cannot register; bad schedules are refused', async () => {
    const now = w.clock.now().getTime()
    const base = { action: 'openPoll', communityId: DEMO_COMMUNITY_ID, title: '测试', targetPriceFen: 100, targetHouseholds: 2, deadline: new Date(now + HOUR).toISOString() }
    const pickup = { point: '物业', startsAt: new Date(now + 2 * HOUR).toISOString(), endsAt: new Date(now + 3 * HOUR).toISOString() }
    expect(await w.call('groupbuy', people[0].openid, { ...base, requestId: rid(), pickup })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    // Pickup inside the 24 h pay window.
    expect(await w.call('groupbuy', STEWARD, { ...base, requestId: rid(), pickup })).toMatchObject({ ok: false, code: 'GROUPBUY.INVALID_SCHEDULE' })
    const pollId = await openPoll(2)
    const [stranger] = await addResidents(w, 1, 'c-elsewhere', 'x')
    expect(await register(stranger, pollId)).toMatchObject({ ok: false })
    expect(await register(people[0], pollId, 4)).toMatchObject({ ok: false, code: 'GROUPBUY.LIMIT_EXCEEDED' })
  })
})
