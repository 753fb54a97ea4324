import { openTarget, type DbTarget } from './db-target'

describe('conformance: aggregate stages', () => {
  let t: DbTarget
  let orders: string
  let households: string
  beforeAll(async () => {
    t = await openTarget()
    orders = await t.freshCollection('orders')
    households = await t.freshCollection('households')
    await t.db.collection(households).add([
      { _id: 'h1', building: '1栋' },
      { _id: 'h2', building: '2栋' },
    ])
    await t.db.collection(orders).add([
      { _id: 'o1', householdId: 'h1', amount: 100, status: 'paid', items: ['米', '油'] },
      { _id: 'o2', householdId: 'h1', amount: 250, status: 'paid', items: ['蛋'] },
      { _id: 'o3', householdId: 'h2', amount: 80, status: 'paid', items: [] },
      { _id: 'o4', householdId: 'h2', amount: 999, status: 'cancelled', items: ['奶'] },
    ])
  })
  afterAll(() => t.close())

  it('match + group + sort', async () => {
    const $ = t.db.command.aggregate
    const res = await t.db
      .collection(orders)
      .aggregate()
      .match({ status: 'paid' })
      .group({ _id: '$householdId', gmv: $.sum('$amount'), orders: $.sum(1) })
      .sort({ gmv: -1 })
      .end()
    expect(res.data).toEqual([
      { _id: 'h1', gmv: 350, orders: 2 },
      { _id: 'h2', gmv: 80, orders: 1 },
    ])
  })

  it('project + skip + limit', async () => {
    const res = await t.db.collection(orders).aggregate().sort({ amount: 1 }).skip(1).limit(2).project({ _id: 0, amount: 1 }).end()
    expect(res.data).toEqual([{ amount: 100 }, { amount: 250 }])
  })

  it('lookup joins another collection', async () => {
    const res = await t.db
      .collection(orders)
      .aggregate()
      .match({ _id: 'o3' })
      .lookup({ from: households, localField: 'householdId', foreignField: '_id', as: 'household' })
      .end()
    expect(res.data[0].household).toEqual([{ _id: 'h2', building: '2栋' }])
  })

  it('unwind + count', async () => {
    const res = await t.db.collection(orders).aggregate().unwind('$items').count('n').end()
    expect(res.data).toEqual([{ n: 4 }])
  })

  it('match with query commands', async () => {
    const _ = t.db.command
    const res = await t.db.collection(orders).aggregate().match({ amount: _.gte(100).and(_.lt(999)) }).project({ _id: 1 }).end()
    expect(res.data.map((d: any) => d._id).sort()).toEqual(['o1', 'o2'])
  })
})
