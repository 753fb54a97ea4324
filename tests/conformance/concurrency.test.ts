import { openTarget, type DbTarget } from './db-target'

describe('conformance: concurrent conditional updates', () => {
  let t: DbTarget
  let goods: string
  beforeAll(async () => {
    t = await openTarget()
    goods = await t.freshCollection('goods')
  })
  afterAll(() => t.close())

  it('200 concurrent conditional decrements on a stock of 50: exactly 50 succeed, stock ends at 0', async () => {
    const _ = t.db.command
    await t.db.collection(goods).doc('sku-1').set({ stock: 50 })
    const results = await Promise.all(
      Array.from({ length: 200 }, () => t.db.collection(goods).where({ _id: 'sku-1', stock: _.gte(1) }).update({ stock: _.inc(-1) })),
    )
    const succeeded = results.filter((r: any) => r.updated === 1).length
    const failed = results.filter((r: any) => r.updated === 0).length
    expect(succeeded).toBe(50)
    expect(failed).toBe(150)
    expect((await t.db.collection(goods).doc('sku-1').get()).data[0].stock).toBe(0)
  })

  it('concurrent adds with the same _id: exactly one lands', async () => {
    const results: any[] = await Promise.all(Array.from({ length: 20 }, (_, i) => t.db.collection(goods).add({ _id: 'once', who: i })))
    expect(results.filter((r) => r.id === 'once')).toHaveLength(1)
    expect(results.filter((r) => typeof r.code === 'string')).toHaveLength(19)
  })
})
