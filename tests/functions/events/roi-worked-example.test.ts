import { eventsContract } from '../../../cloudfunctions/contracts/events.contract'
import type { TypedWorld } from '../../support/typed-world'
import { campaign, paidGroupbuyOrder, ROI_HOUSEHOLDS, roiEvent, roiWorld } from './events-kit'

const DAY = 24 * 3600_000

/**
 * The worked example of docs/events.md, every figure computed by hand there:
 * event E (生鲜, 12-05 19:00–21:00 Beijing), attendees A B C; campaigns F (生鲜, 18 %) and G (家电).
 */
describe('activity ROI and cost allocation: the worked example', () => {
  let world: TypedWorld
  let receipt: string
  let eventId: string
  const { A, B, C, D } = ROI_HOUSEHOLDS

  beforeAll(async () => {
    ;({ world, receipt } = await roiWorld())
    eventId = await roiEvent(world, { title: '鲜果品鉴会', category: '生鲜', signedUp: [A, B, C, D], checkedIn: [A, B, C] })
    const end = Date.parse('2026-12-05T13:00:00.000Z')
    await campaign(world, 'gb-t-fruit', '鲜果团', new Date(end - 3 * DAY))
    await campaign(world, 'gb-t-aircon', '空调清洗团', new Date(end - 3 * DAY))
    await world.as('ops').call(eventsContract, 'activitySettings', { ref: { kind: 'campaign', id: 'gb-t-fruit' }, category: '生鲜', marginRateBp: 1800 })
    await world.as('ops').call(eventsContract, 'activitySettings', { ref: { kind: 'campaign', id: 'gb-t-aircon' }, category: '家电' })
    const orders = [
      { id: 'o-a1', householdId: A, campaignId: 'gb-t-fruit', paidFen: 12000, at: new Date(end + 2 * DAY) }, // E and F
      { id: 'o-b1', householdId: B, campaignId: 'gb-t-fruit', paidFen: 8000, refundedFen: 3000, at: new Date(end + 3 * DAY) }, // E and F, net 50.00
      { id: 'o-c1', householdId: C, campaignId: 'gb-t-aircon', paidFen: 20000, at: new Date(end + DAY) }, // G only: not E's category
      { id: 'o-d1', householdId: D, campaignId: 'gb-t-fruit', paidFen: 5000, at: new Date(end + DAY) }, // F only: D did not come
      { id: 'o-a2', householdId: A, campaignId: 'gb-t-fruit', paidFen: 9000, at: new Date(end + 10 * DAY) }, // F only: past 7 days
      { id: 'o-a0', householdId: A, campaignId: 'gb-t-fruit', paidFen: 4000, at: new Date(end - 1 * DAY) }, // F only: before the event
    ]
    for (const o of orders) await paidGroupbuyOrder(world, o)
  })
  afterAll(() => world.close())

  it('allocates, writes off and computes ROI exactly as computed by hand', async () => {
    const steward = world.as('steward')
    const material = await steward.call(eventsContract, 'submitCost', { title: '试吃物料', item: 'material', amountFen: 1000, activities: [{ kind: 'event', id: eventId }], bearers: [{ kind: 'property', name: '阳光物业' }], receipts: [receipt] })
    await steward.call(eventsContract, 'submitCost', { title: '抽奖奖品', item: 'prize', amountFen: 2000, activities: [{ kind: 'event', id: eventId }], bearers: [{ kind: 'merchant', name: '果园' }], receipts: [receipt] })
    const venue = await steward.call(eventsContract, 'submitCost', {
      title: '场地与音响',
      item: 'venue',
      amountFen: 10001,
      activities: [
        { kind: 'event', id: eventId },
        { kind: 'campaign', id: 'gb-t-fruit' },
      ],
      activityRule: 'gmv',
      bearers: [
        { kind: 'property', name: '阳光物业' },
        { kind: 'merchant', name: '果园' },
        { kind: 'supplier', name: '鲜丰' },
      ],
      bearerWeights: [3, 2, 2],
      receipts: [receipt],
    })
    // GMV: E = 120.00 + (80.00 − 30.00) = 170.00; F = 120.00 + 50.00 + 50.00 + 90.00 + 40.00 = 350.00
    expect(venue.activities.map((a) => [a.fen, a.basisFen])).toEqual([
      [3270, 17000],
      [6731, 35000],
    ])
    expect(venue.bearers.map((b) => b.fen)).toEqual([4286, 2858, 2857])
    expect(venue.status).toBe('submitted')

    await world.as('ops').call(eventsContract, 'reviewCost', { costId: material.costId, decision: 'approve' })
    const approved = await world.as('ops').call(eventsContract, 'reviewCost', { costId: venue.costId, decision: 'approve' })
    expect(approved).toMatchObject({ status: 'approved', reviewedBy: '陈经理' })

    const roi = await world.as('ops').call(eventsContract, 'roi', {})
    const row = (id: string) => roi.rows.find((r) => r.ref.id === id)!
    // E: margin 20 % × 170.00 = 34.00; cost 10.00 + 32.70 = 42.70; ROI 34.00 / 42.70 = 0.796 → 0.80; prize 20.00 pending
    expect(row(eventId)).toMatchObject({ gmvFen: 17000, orders: 2, attendees: 3, marginRateBp: 2000, marginFen: 3400, approvedCostFen: 4270, pendingCostFen: 2000, roi: 0.8 })
    // F: margin 18 % × 350.00 = 63.00; cost 67.31; ROI 0.936 → 0.94
    expect(row('gb-t-fruit')).toMatchObject({ gmvFen: 35000, orders: 5, marginFen: 6300, approvedCostFen: 6731, pendingCostFen: 0, roi: 0.94, attendees: null })
    // G: its own order, no cost: no ROI rather than a division by zero
    expect(row('gb-t-aircon')).toMatchObject({ gmvFen: 20000, category: '家电', approvedCostFen: 0, roi: null })
  })
})
