import fc from 'fast-check'
import { Query } from 'mingo/query'
import { MINGO_OPTIONS } from '../../../cloudfunctions/platform/local/db/mongo-operators'
import { createLocalDb, type LocalDb } from '../../../cloudfunctions/platform/local/db/create-local-db'

/**
 * orderBy('_id') with skip/limit is answered in SQL (the primary-key order, the walk stopped after the
 * page), string ranges on _id are index ranges, and unordered pages with a residual filter stop early.
 * Whatever the engine pushes down, the page must be the one MongoDB semantics give: the same query run by
 * mingo alone over every document.
 */
describe('local engine: _id order, _id ranges, skip and limit pushed into SQL never change results', () => {
  let local: LocalDb
  const ids = ['a', 'b', 'b0', 'c', 'c1', 'd', 'e', 'f', 'g', 'h', 'i1', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 'A', 'Z', '0', '9', 'zz', '楼1', '楼2', 'x:1', 'x:10', 'x:2']
  const kinds = ['p', 'q', 'r']
  const docs: Record<string, Record<string, unknown>[]> = {}
  beforeAll(async () => {
    local = createLocalDb({ indexSpecs: (c) => [{ collection: c, fields: ['g'] }] })
    // Inserted in a scrambled order, so rowid order is not _id order.
    const scrambled = ids.map((id, i) => ({ id, i })).sort((x, y) => ((x.i * 7) % 31) - ((y.i * 7) % 31))
    docs.things = scrambled.map(({ id, i }) => ({ _id: id, g: i % 3, kind: kinds[i % kinds.length], n: i }))
    // Numeric ids: SQL would order them as text, MongoDB puts numbers first; the engine must leave it to mingo.
    docs.mixed = [...docs.things.map((d) => ({ ...d })), { _id: 5, g: 1, kind: 'p', n: 99 }, { _id: 12, g: 0, kind: 'q', n: 98 }, { _id: 100, g: 2, kind: 'p', n: 97 }]
    for (const c of ['things', 'mixed']) await local.db.collection(c).add(docs[c])
  })
  afterAll(() => local.close())

  const value = fc.constantFrom(...ids, 'b1', 'x', '楼', '')
  const filter = fc.record({
    id: fc.option(fc.tuple(fc.constantFrom('gt', 'gte', 'lt', 'lte'), value), { nil: undefined, freq: 1 }),
    g: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined, freq: 1 }),
    kind: fc.option(fc.constantFrom(...kinds), { nil: undefined, freq: 1 }),
  })
  const cases = fc.record({
    f: filter,
    order: fc.constantFrom<'asc' | 'desc' | null>('asc', 'desc', null),
    skip: fc.integer({ min: 0, max: 12 }),
    limit: fc.integer({ min: 1, max: 8 }),
    coll: fc.constantFrom('things', 'mixed'),
  })

  it('pages equal mingo for random filters, orders (by _id or none), skips and limits', async () => {
    const _ = local.db.command
    await fc.assert(
      fc.asyncProperty(cases, async ({ f, order, skip, limit, coll }) => {
        const where: Record<string, unknown> = {}
        const raw: Record<string, unknown> = {}
        if (f.id) {
          where._id = (_ as any)[f.id[0]](f.id[1])
          raw._id = { [`$${f.id[0]}`]: f.id[1] }
        }
        if (f.g !== undefined) where.g = raw.g = f.g
        if (f.kind !== undefined) where.kind = raw.kind = f.kind
        let query = local.db.collection(coll).where(where)
        if (order) query = query.orderBy('_id', order) as typeof query
        const got = ((await query.skip(skip).limit(limit).get()).data as { _id: unknown }[]).map((d) => d._id)
        let cursor = new Query(raw, MINGO_OPTIONS as never).find(docs[coll])
        if (order) cursor = cursor.sort({ _id: order === 'asc' ? 1 : -1 })
        const expected = cursor.skip(skip).limit(limit).all().map((d) => (d as { _id: unknown })._id)
        expect(got).toEqual(expected)
      }),
      { seed: 20261203, numRuns: 400 },
    )
  })

  it('numeric ids come before strings, as in MongoDB (the engine leaves that order to mingo)', async () => {
    const page = ((await local.db.collection('mixed').where({ g: 1 }).orderBy('_id', 'asc').limit(3).get()).data as { _id: unknown }[]).map((d) => d._id)
    expect(page).toEqual([5, '0', 'b'])
  })

  it('a cursor walk by _id pages (where _id > last, orderBy _id, limit) visits every match once, in order', async () => {
    const _ = local.db.command
    const seen: string[] = []
    let after = ''
    for (;;) {
      const page = (await local.db.collection('things').where({ kind: 'p', _id: _.gt(after) }).orderBy('_id', 'asc').limit(3).get()).data as { _id: string }[]
      seen.push(...page.map((d) => d._id))
      if (page.length < 3) break
      after = page[page.length - 1]._id
    }
    const expected = docs.things.filter((d) => d.kind === 'p').map((d) => d._id as string).sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1))
    expect(seen).toEqual(expected)
  })
})
