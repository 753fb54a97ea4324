import { openTarget, type DbTarget } from './db-target'

/**
 * Operator behaviours where a generic MongoDB-in-JS library answers differently from MongoDB, which is
 * what CloudBase's document database runs. Each test states the MongoDB rule it pins.
 */
describe('conformance: MongoDB operator behaviours', () => {
  let t: DbTarget
  let c: string
  beforeAll(async () => {
    t = await openTarget()
    c = await t.freshCollection('parity')
    await t.db.collection(c).add([
      { _id: 'plain', tags: [1, 2, 3], s: 'hello world', code: 'FEE-2026', name: '物业费', at: new Date('2026-01-03T10:00:00Z'), n: 5 },
      { _id: 'docs', tags: [{ k: 1 }, { k: 5 }], s: 'héllo', code: 'AB', name: 'x', at: new Date('2026-01-04T10:00:00Z'), n: 2.5 },
      { _id: 'late', tags: [], s: 'abc', code: 'PARK', name: '停车费', at: new Date('2026-12-31T10:00:00Z') },
    ])
  })
  afterAll(() => t.close())

  const ids = async (q: object) => ((await t.db.collection(c).where(q).get()).data as { _id: string }[]).map((d) => d._id).sort()

  it('$elemMatch with field conditions matches only array elements that are documents', async () => {
    // MongoDB: {$elemMatch: {k: ...}} applies the conditions to each element as a document; a plain value
    // has no field k, so an array of plain values never matches.
    const _ = t.db.command
    expect(await ids({ tags: _.elemMatch({ k: _.gte(1) }) })).toEqual(['docs'])
    expect(await ids({ tags: _.elemMatch({ k: _.exists(false) }) })).toEqual([])
    // The operator-only form applies to the elements themselves.
    expect(await ids({ tags: _.elemMatch(_.gte(2)) })).toEqual(['plain'])
  })

  it('$jsonSchema queries select documents that validate (bsonType, required, properties, enum)', async () => {
    const _ = t.db.command
    expect(await ids(_.jsonSchema({ required: ['n'], properties: { n: { bsonType: 'int' } } }))).toEqual(['plain'])
    expect(await ids(_.jsonSchema({ required: ['n'], properties: { n: { bsonType: 'double' } } }))).toEqual(['docs'])
    expect(await ids(_.jsonSchema({ properties: { name: { enum: ['物业费', '停车费'] } } }))).toEqual(['late', 'plain'])
    expect(await ids(_.jsonSchema({ properties: { s: { bsonType: 'string', maxLength: 3 } } }))).toEqual(['late'])
    expect(await ids(_.jsonSchema({ properties: { tags: { bsonType: 'array', items: { bsonType: 'object' } } } }))).toEqual(['docs', 'late'])
  })

  const project = async (projection: object) => {
    const res = await t.db.collection(c).aggregate().sort({ _id: 1 }).project({ _id: 1, ...projection }).end()
    return res.data as Record<string, unknown>[]
  }

  it('$week counts Sunday-start weeks, days before the first Sunday of the year being week 0', async () => {
    // 2026-01-01 is a Thursday: Sat 3 Jan is in week 0, Sun 4 Jan starts week 1; 31 Dec is in week 52.
    const $ = t.db.command.aggregate
    const rows = await project({ w: $.week('$at') })
    expect(rows.map((r) => [r._id, r.w])).toEqual([
      ['docs', 1],
      ['late', 52],
      ['plain', 0],
    ])
  })

  it('$substr / $substrBytes with a negative length return the rest of the string', async () => {
    const $ = t.db.command.aggregate
    const rows = await project({ a: $.substr(['$code', 2, -1]), b: $.substrBytes(['$code', 0, -1]), c: $.substrBytes(['$code', 1, 2]) })
    expect(rows.find((r) => r._id === 'plain')).toMatchObject({ a: 'E-2026', b: 'FEE-2026', c: 'EE' })
    expect(rows.find((r) => r._id === 'late')).toMatchObject({ a: 'RK', b: 'PARK', c: 'AR' })
    expect(rows.find((r) => r._id === 'docs')).toMatchObject({ a: '', b: 'AB', c: 'B' })
  })

  it('$indexOfCP finds code-point positions (not bytes), honours start/end, answers -1 when absent', async () => {
    const $ = t.db.command.aggregate
    const rows = await project({ i: $.indexOfCP(['$s', 'llo']), j: $.indexOfCP(['$name', '费']), k: $.indexOfCP(['$s', 'o', 5]), m: $.indexOfCP(['$s', 'zz']) })
    expect(rows.find((r) => r._id === 'docs')).toMatchObject({ i: 2, m: -1 })
    expect(rows.find((r) => r._id === 'plain')).toMatchObject({ i: 2, j: 2, k: 7, m: -1 })
  })

  it('doc(id).set() of identical data reports updated: 0; different data reports 1', async () => {
    // MongoDB's replaceOne counts a replacement with an identical document as matched but not modified,
    // and CloudBase's set() reports that count as `updated`.
    const col = t.db.collection(c)
    await col.doc('same').set({ a: 1, b: { c: [1, 2] } })
    const again: any = await col.doc('same').set({ b: { c: [1, 2] }, a: 1 })
    expect(again.updated).toBe(0)
    const changed: any = await col.doc('same').set({ a: 2, b: { c: [1, 2] } })
    expect(changed.updated).toBe(1)
    const noOp: any = await col.doc('same').update({ a: 2 })
    expect(noOp.updated).toBe(0)
  })
})
