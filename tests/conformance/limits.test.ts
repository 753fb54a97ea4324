import { openTarget, type DbTarget } from './db-target'

describe('conformance: CloudBase limits are kept', () => {
  let t: DbTarget
  let coll: string
  beforeAll(async () => {
    t = await openTarget()
    coll = await t.freshCollection('many')
    const docs = Array.from({ length: 1200 }, (_, i) => ({ n: i }))
    for (let i = 0; i < docs.length; i += 400) await t.db.collection(coll).add(docs.slice(i, i + 400))
  })
  afterAll(() => t.close())

  it('get() without limit returns 100 documents', async () => {
    expect((await t.db.collection(coll).get()).data).toHaveLength(100)
  })

  it('get() returns at most 1000 even when asked for more', async () => {
    expect((await t.db.collection(coll).limit(5000).get()).data).toHaveLength(1000)
  })

  it('count() is not capped', async () => {
    expect((await t.db.collection(coll).count()).total).toBe(1200)
  })

  it('aggregate without a limit stage returns 20', async () => {
    expect((await t.db.collection(coll).aggregate().match({}).end()).data).toHaveLength(20)
  })

  it('aggregate with a limit returns that many', async () => {
    expect((await t.db.collection(coll).aggregate().sort({ n: 1 }).limit(150).end()).data).toHaveLength(150)
  })
})
