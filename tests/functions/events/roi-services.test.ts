import { eventsContract } from '../../../cloudfunctions/contracts/events.contract'
import { ORDER_COLLECTIONS } from '../../../cloudfunctions/core/orders'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import type { TypedWorld } from '../../support/typed-world'
import { dumpDatabase } from '../../support/test-platform'
import { campaign, paidGroupbuyOrder, paidOrder, ROI_HOUSEHOLDS, roiEvent, roiWorld } from './events-kit'

const DAY = 24 * 3600_000
const cleaning = (quantity = 1) => ({ refType: 'service_item', refId: 'svc-cleaning', title: '上门保洁（2小时）', quantity, unitPriceFen: 8800 })

/**
 * The second worked example of docs/events.md (every figure by hand there): ROI over group-buy AND paid
 * service orders, with the community's margin rate per category, its attribution window, and a campaign's
 * own rate. Event S 家政服务体验会 (家政, 12-05 19:00–21:00 Beijing): A and B check in, C signed up only.
 * Settings: 家政 35 %, 家电 25 %, window 5 days; 上门保洁 → 家政, 空调清洗 → 家电, 沙发清洗 not filed.
 * Campaign H 保洁团 (家政) has its own rate, 30 %.
 */
describe('activity ROI over group-buy and service orders: the worked example', () => {
  let world: TypedWorld
  let eventId: string
  let receipt: string
  const { A, B, C, D } = ROI_HOUSEHOLDS

  beforeAll(async () => {
    ;({ world, receipt } = await roiWorld())
    must(await world.platform.db.collection(ORDER_COLLECTIONS.serviceItems).doc('svc-t-sofa').set({ communityId: 'c-sunshine', title: '沙发清洗', description: '', unitPriceFen: 6000, unit: '次', active: true, sort: 9 }))
    const ops = world.as('ops')
    await ops.call(eventsContract, 'setRoiSettings', {
      categoryMarginBp: { 家政: 3500, 家电: 2500 },
      attributionDays: 5,
      serviceCategories: { 'svc-cleaning': '家政', 'svc-ac-clean': '家电', 'svc-t-sofa': null },
    })
    eventId = await roiEvent(world, { title: '家政服务体验会', category: '家政', signedUp: [A, B, C], checkedIn: [A, B] })
    const end = Date.parse('2026-12-05T13:00:00.000Z')
    await campaign(world, 'gb-t-clean', '保洁团', new Date(end - 3 * DAY))
    await ops.call(eventsContract, 'activitySettings', { ref: { kind: 'campaign', id: 'gb-t-clean' }, category: '家政', marginRateBp: 3000 })
    await paidOrder(world, { id: 's-a1', type: 'service', householdId: A, line: cleaning(), at: new Date(end + DAY) }) // S
    await paidOrder(world, { id: 's-b1', type: 'service', householdId: B, line: cleaning(2), refundedFen: 8800, at: new Date(end + 2 * DAY) }) // S, net 88.00
    await paidOrder(world, { id: 's-a2', type: 'service', householdId: A, line: { refType: 'service_item', refId: 'svc-ac-clean', title: '空调清洗', quantity: 1, unitPriceFen: 12000 }, at: new Date(end + DAY) }) // 家电: not S
    await paidOrder(world, { id: 's-a3', type: 'service', householdId: A, line: { refType: 'service_item', refId: 'svc-t-sofa', title: '沙发清洗', quantity: 1, unitPriceFen: 6000 }, at: new Date(end + DAY) }) // not filed
    await paidOrder(world, { id: 's-b2', type: 'service', householdId: B, line: cleaning(), at: new Date(end + 6 * DAY) }) // past the 5-day window
    await paidOrder(world, { id: 's-c1', type: 'service', householdId: C, line: cleaning(), at: new Date(end + DAY) }) // C did not come
    await paidOrder(world, { id: 'f-a1', type: 'fee', householdId: A, line: { refType: 'bill', refId: 'bill-t-1', title: '物业费', quantity: 1, unitPriceFen: 50000 }, at: new Date(end + DAY) }) // a fee: never
    await paidGroupbuyOrder(world, { id: 'g-b1', householdId: B, campaignId: 'gb-t-clean', paidFen: 9900, at: new Date(end + 3 * DAY) }) // S and H
    await paidGroupbuyOrder(world, { id: 'g-d1', householdId: D, campaignId: 'gb-t-clean', paidFen: 19800, at: new Date(end + DAY) }) // H only
    const steward = world.as('steward')
    const material = await steward.call(eventsContract, 'submitCost', { title: '体验物料', item: 'material', amountFen: 8000, activities: [{ kind: 'event', id: eventId }], bearers: [{ kind: 'property', name: '阳光物业' }], receipts: [receipt] })
    const subsidy = await steward.call(eventsContract, 'submitCost', { title: '团购补贴', item: 'subsidy', amountFen: 5000, activities: [{ kind: 'campaign', id: 'gb-t-clean' }], bearers: [{ kind: 'merchant', name: '洁家家政' }], receipts: [receipt] })
    for (const c of [material, subsidy]) await ops.call(eventsContract, 'reviewCost', { costId: c.costId, decision: 'approve' })
  })
  afterAll(() => world.close())

  const rows = async () => {
    const roi = await world.as('ops').call(eventsContract, 'roi', {})
    return (id: string) => roi.rows.find((r) => r.ref.id === id)!
  }

  it('counts service orders by their item’s category, never fees, within the community’s window', async () => {
    const row = await rows()
    // S: 88.00 (s-a1) + 88.00 (s-b1 net) + 99.00 (g-b1) = 275.00; margin 35 % = 96.25; cost 80.00 → 1.203 → 1.20
    expect(row(eventId)).toMatchObject({ gmvFen: 27500, orders: 3, serviceOrders: 2, attendees: 2, marginRateBp: 3500, marginRateSource: 'category', marginFen: 9625, approvedCostFen: 8000, roi: 1.2 })
    // H: 99.00 + 198.00 = 297.00 at its own 30 % = 89.10; cost 50.00 → 1.782 → 1.78
    expect(row('gb-t-clean')).toMatchObject({ gmvFen: 29700, orders: 2, serviceOrders: 0, marginRateBp: 3000, marginRateSource: 'activity', marginFen: 8910, approvedCostFen: 5000, roi: 1.78 })
  })

  it('clearing the campaign’s own rate puts it on its category’s rate; filing a service moves its orders in', async () => {
    const ops = world.as('ops')
    await ops.call(eventsContract, 'activitySettings', { ref: { kind: 'campaign', id: 'gb-t-clean' }, marginRateBp: null })
    // 297.00 at 家政 35 % = 103.95 → 103.95 ÷ 50.00 = 2.079 → 2.08
    expect((await rows())('gb-t-clean')).toMatchObject({ marginRateBp: 3500, marginRateSource: 'category', marginFen: 10395, roi: 2.08 })
    // 沙发清洗 filed under 家政: A's 60.00 now counts for S → 335.00 × 35 % = 117.25 → 117.25 ÷ 80.00 = 1.465… → 1.47
    const saved = await ops.call(eventsContract, 'setRoiSettings', { serviceCategories: { 'svc-t-sofa': '家政' } })
    expect(saved.services.find((s) => s.id === 'svc-t-sofa')).toMatchObject({ category: '家政' })
    expect(saved.categories.find((c) => c.category === '家政')).toMatchObject({ marginRateBp: 3500 })
    expect((await rows())(eventId)).toMatchObject({ gmvFen: 33500, orders: 4, serviceOrders: 3, marginFen: 11725, roi: 1.47 })
  })

  it('refuses a service of another community or an unknown one and writes nothing', async () => {
    const before = dumpDatabase(world.platform)
    expect(await world.as('ops').attempt(eventsContract, 'setRoiSettings', { categoryMarginBp: { 生鲜: 1000 }, serviceCategories: { 'svc-nowhere': '家政' } })).toMatchObject({ ok: false, code: 'EVENT.SERVICE_NOT_FOUND' })
    expect(await world.as('ops').attempt(eventsContract, 'setRoiSettings', { categoryMarginBp: { 生鲜: 12_000 } })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(await world.as('steward').attempt(eventsContract, 'setRoiSettings', { attributionDays: 3 })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })
})
