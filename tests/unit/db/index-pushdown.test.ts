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
