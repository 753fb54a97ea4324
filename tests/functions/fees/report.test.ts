import { billsWhere, COMMUNITY, openFeesWorld, payAndConfirm, unpaidIds, type FeesWorld } from './fees-test-kit'
import type { BillDoc } from '../../../cloudfunctions/core/fees/fee.model'

const DAY = 86400_000

/** The report recomputed the slow way, from every bill, for comparison. */
function bruteForce(bills: BillDoc[], period: string, asOf: Date, asOfDate: string, buildings?: string[]) {
  const mine = bills.filter((b) => !buildings || buildings.includes(b.buildingId))
  const ofPeriod = mine.filter((b) => b.period === period)
  const paidByAsOf = (b: BillDoc) => b.status === 'paid' && new Date(b.paidAt!).getTime() < asOf.getTime()
  const ageing = { notDue: 0, d1to30: 0, d31to90: 0, d91to180: 0, d181to365: 0, over365: 0 }
  for (const b of mine.filter((x) => x.period <= period && !paidByAsOf(x))) {
    const days = Math.round((Date.parse(asOfDate) - Date.parse(b.dueDate)) / DAY)
    const key = days <= 0 ? 'notDue' : days <= 30 ? 'd1to30' : days <= 90 ? 'd31to90' : days <= 180 ? 'd91to180' : days <= 365 ? 'd181to365' : 'over365'
    ageing[key] += b.principalFen
  }
  const billedFen = ofPeriod.reduce((s, b) => s + b.principalFen, 0)
  const collectedFen = ofPeriod.filter(paidByAsOf).reduce((s, b) => s + b.principalFen, 0)
  return { billedFen, collectedFen, billCount: ofPeriod.length, paidCount: ofPeriod.filter(paidByAsOf).length, ageing, arrearsFen: Object.values(ageing).reduce((a, b) => a + b, 0) }
}

describe('monthly collection report (ops)', () => {
  let world: FeesWorld
  beforeAll(async () => {
    world = await openFeesWorld()
  })
  afterAll(() => world.close())

  it('matches the figures recomputed from every bill, per community and per grid, as of the period end', async () => {
    const res = await world.console('ops', { action: 'feeCollectionReport', communityId: COMMUNITY, period: '2026-10' })
    expect(res.ok).toBe(true)
    expect(res.data.asOf).toBe('2026-10-31T16:00:00.000Z')
    const bills = await billsWhere(world, { communityId: COMMUNITY })
    const asOf = new Date(res.data.asOf)
    const expected = bruteForce(bills, '2026-10', asOf, '2026-10-31')
    expect(res.data.community).toMatchObject(expected)
    expect(res.data.community.ratePct).toBe(Math.round((expected.collectedFen / expected.billedFen) * 1000) / 10)
    expect(res.data.community.ageing.d31to90).toBeGreaterThan(0) // September's bills, due 15–20 Sep
    const [zhang, li] = res.data.grids
    expect(zhang).toMatchObject({ gridId: 'g-steward', stewardName: '张敏', buildings: ['1栋', '2栋', '3栋'], ...bruteForce(bills, '2026-10', asOf, '2026-10-31', ['b-1', 'b-2', 'b-3']) })
    expect(li).toMatchObject({ gridId: 'g-steward-2', stewardName: '李强', ...bruteForce(bills, '2026-10', asOf, '2026-10-31', ['b-4', 'b-5', 'b-6']) })
  })

  it('the running month is reported as of now; a payment today moves it but not last month’s', async () => {
    const october = await world.console('ops', { action: 'feeCollectionReport', communityId: COMMUNITY, period: '2026-10' })
    const before = await world.console('ops', { action: 'feeCollectionReport', communityId: COMMUNITY, period: '2026-11' })
    expect(before.data.asOf).toBe(world.clock.now().toISOString())
    const [octBill] = await unpaidIds(world) // the owner's October 物业费
    await payAndConfirm(world, [octBill])
    const after = await world.console('ops', { action: 'feeCollectionReport', communityId: COMMUNITY, period: '2026-11' })
    expect((await world.console('ops', { action: 'feeCollectionReport', communityId: COMMUNITY, period: '2026-10' })).data).toEqual(october.data)
    expect(after.data.community.arrearsFen).toBe(before.data.community.arrearsFen - 22_250)
    expect(after.data.community.billedFen).toBe(before.data.community.billedFen)
  })

  it('is computed by aggregation: a handful of database calls whatever the number of bills', async () => {
    const engine = world.platform.local.engine
    engine.resetCallCount()
    await world.console('ops', { action: 'feeCollectionReport', communityId: COMMUNITY, period: '2026-11' })
    expect(engine.callsByAction.get('database.aggregateDocuments')).toBe(2)
    expect(engine.callCount).toBeLessThanOrEqual(6)
  })
})
