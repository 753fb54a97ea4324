import fc from 'fast-check'
import { createLocalDb, type LocalDb } from '../../../cloudfunctions/platform/local/db/create-local-db'

/**
 * The planner pushes conditions on indexed fields down to SQLite. Whatever it pushes, results must equal
 * those of the same query without indexes (a full scan checked by mingo alone).
 */
describe('local engine: index pushdown never changes results', () => {
  let indexed: LocalDb
  let plain: LocalDb
  const values = [5, '5', 7, 'a', 'b', true, false, 0, -3, 2.5, null]
  beforeAll(async () => {
    indexed = createLocalDb({ indexSpecs: () => [{ collection: 'things', fields: ['k'] }, { collection: 'things', fields: ['g', 'k'] }] })
    plain = createLocalDb({ indexSpecs: () => [] })
    const docs = values.flatMap((k, i) => [
      { _id: `d${i}`, k, g: i % 3 },
      { _id: `e${i}`, g: i % 3 },
    ])
    docs.push({ _id: 'arr', k: [5, 'a'] as never, g: 1 })
    for (const l of [indexed, plain]) await l.db.collection('things').add(docs)
  })
  afterAll(() => {
    indexed.close()
    plain.close()
  })

  const run = async (l: LocalDb, q: object, skip = 0, limit = 1000) =>
    ((await l.db.collection('things').where(q).skip(skip).limit(limit).get()).data as { _id: string }[]).map((d) => d._id)

  it('matches a full scan for random equality, $in and range queries', async () => {
    const value = fc.constantFrom(...values.filter((v) => v !== null))
    const cond = fc.oneof(
      value.map((v) => ({ k: v })),
      fc.array(value, { minLength: 1, maxLength: 4 }).map((vs) => ({ k: { $in: vs } })),
      fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), fc.constantFrom(0, 5, 2.5, 'a', '5')).map(([op, v]) => ({ k: { [op]: v } })),
      fc.tuple(fc.integer({ min: 0, max: 2 }), value).map(([g, v]) => ({ g, k: v })),
    )
    await fc.assert(
      fc.asyncProperty(cond, async (q) => {
        const _ = indexed.db.command
        // Route through the query builder's raw form so operators reach the engine as MongoDB syntax.
        const toCmd = (c: any): any => {
          const out: any = {}
          for (const [key, v] of Object.entries(c)) {
            if (v && typeof v === 'object' && !Array.isArray(v)) {
              const [op, operand] = Object.entries(v as object)[0]
              out[key] = op === '$in' ? _.in(operand as never) : (_ as any)[op.slice(1)](operand)
            } else out[key] = v
          }
          return out
        }
        expect(await run(indexed, toCmd(q))).toEqual(await run(plain, toCmd(q)))
        // Paging pushed into SQL must pick the same page as paging after a full scan.
        expect(await run(indexed, toCmd(q), 1, 2)).toEqual(await run(plain, toCmd(q), 1, 2))
      }),
      { seed: 20261122, numRuns: 150 },
    )
  })
})

describe('local engine: date lower bounds on an indexed field are a safe pre-filter', () => {
  let indexed: LocalDb
  let plain: LocalDb
  const at = (iso: string) => new Date(iso)
  const values: unknown[] = [
    at('2026-11-03T02:00:00Z'),
    at('2026-11-03T02:00:00.500Z'),
    at('2026-11-03T02:00:01Z'),
    at('2026-11-03T01:59:59.999Z'),
    at('2026-12-01T00:00:00Z'),
    at('1969-12-31T23:59:59Z'),
    new Date(Date.UTC(12000, 0, 1)),
    '2026-11-03T02:00:00Z',
    '~later text',
    12345,
    null,
    { nested: 1 },
  ]
  beforeAll(async () => {
    indexed = createLocalDb({ indexSpecs: () => [{ collection: 'dated', fields: ['at'] }] })
    plain = createLocalDb({ indexSpecs: () => [] })
    const docs = values.map((v, i) => ({ _id: `d${String(i).padStart(2, '0')}`, at: v }))
    for (const l of [indexed, plain]) await l.db.collection('dated').add(docs as never)
  })
  afterAll(() => {
    indexed.close()
    plain.close()
  })

  it('matches a full scan for $gt/$gte/$lt with dates around second and millisecond edges', async () => {
    const operand = fc.constantFrom('2026-11-03T02:00:00Z', '2026-11-03T02:00:00.500Z', '2026-11-03T02:00:00.501Z', '2026-11-03T01:59:59.999Z', '1960-01-01T00:00:00Z', '2026-12-31T00:00:00Z').map((s) => new Date(s))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('gt', 'gte', 'lt', 'lte'), operand, async (op, d) => {
        const ids = async (l: LocalDb) => ((await l.db.collection('dated').where({ at: (l.db.command as any)[op](d) }).orderBy('_id', 'asc').limit(100).get()).data as { _id: string }[]).map((x) => x._id)
        expect(await ids(indexed)).toEqual(await ids(plain))
      }),
      { seed: 20261203, numRuns: 60 },
    )
  })
})
