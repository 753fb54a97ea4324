import { EJSON } from 'bson'
import { createLocalDb } from '../../cloudfunctions/platform/local/db/create-local-db'
import { openTarget, type DbTarget } from './db-target'

/**
 * `_.inc`, `_.push`, `_.set` (and `_.remove`) inside a transaction's `doc(id).update()`, which our money
 * transactions use (orders: history push; fees/group-buy onPaid; attribution rollup increments). What the
 * SDK sends is read from @cloudbase/database 1.4.3 (the version @cloudbase/node-sdk 3.18.3 pins) and written
 * down in docs/cloudbase-transactions.md: one `database.modifyDocument` with the transactionId, the
 * operators as MongoDB update operators, `merge: true`, `multi: false`, `upsert: false`. The first test pins
 * that payload (local only: it reads the wire); the others check the effect, and run against real CloudBase
 * too when CONFORMANCE_CLOUDBASE_ENV is set.
 */
describe('conformance: update operators inside a transaction', () => {
  it('the SDK sends doc().update() in a transaction as one modifyDocument with the transactionId and $-operators', async () => {
    const local = createLocalDb()
    try {
      const { db, engine } = local
      const _ = db.command
      await db.collection('tx_ops').doc('d1').set({ n: 1, tags: ['a'], meta: { a: 1, b: 2 }, gone: true })
      const sent: { action: string; params: Record<string, unknown> }[] = []
      engine.faultHook = (action, params) => {
        sent.push({ action, params: params as Record<string, unknown> })
      }
      await db.runTransaction(async (tx: any) => {
        await tx.collection('tx_ops').doc('d1').update({ n: _.inc(2), tags: _.push(['b']), meta: _.set({ c: 3 }), gone: _.remove() })
      })
      engine.faultHook = undefined
      const start = sent.find((s) => s.action === 'database.startTransaction')
      const update = sent.find((s) => s.action === 'database.modifyDocument')!
      expect(start).toBeDefined()
      expect(update.params).toMatchObject({ collectionName: 'tx_ops', queryType: 'DOC', multi: false, merge: true, upsert: false })
      expect(typeof update.params.transactionId).toBe('string')
      expect(EJSON.parse(update.params.query as string)).toEqual({ _id: 'd1' })
      expect(EJSON.parse(update.params.data as string, { relaxed: true })).toEqual({
        $inc: { n: 2 },
        $push: { tags: { $each: ['b'] } },
        $set: { meta: { c: 3 } },
        $unset: { gone: '' },
      })
      expect(sent.some((s) => s.action === 'database.commitTransaction' && s.params.transactionId === update.params.transactionId)).toBe(true)
    } finally {
      local.close()
    }
  })

  describe('effects', () => {
    let t: DbTarget
    let coll: string
    beforeAll(async () => {
      t = await openTarget()
      coll = await t.freshCollection('txops')
    })
    afterAll(() => t.close())
    beforeEach(async () => {
      await t.db.collection(coll).doc('d').set({ n: 1, tags: ['a'], meta: { a: 1, b: 2 }, gone: true })
    })
    const read = async () => {
      const { _id, ...doc } = (await t.db.collection(coll).doc('d').get()).data[0]
      return doc
    }

    it('commit applies inc, push, set (whole object) and remove together', async () => {
      const _ = t.db.command
      await t.db.runTransaction(async (tx: any) => {
        await tx.collection(coll).doc('d').update({ n: _.inc(2), tags: _.push(['b', 'c']), meta: _.set({ c: 3 }), gone: _.remove() })
      })
      expect(await read()).toEqual({ n: 3, tags: ['a', 'b', 'c'], meta: { c: 3 } })
    })

    it('a plain nested object (no _.set) merges field by field, also in a transaction', async () => {
      await t.db.runTransaction(async (tx: any) => {
        await tx.collection(coll).doc('d').update({ meta: { c: 3 } })
      })
      expect(await read()).toEqual({ n: 1, tags: ['a'], meta: { a: 1, b: 2, c: 3 }, gone: true })
    })

    it('a transaction that throws after the update leaves the document as it was', async () => {
      const _ = t.db.command
      await expect(
        t.db.runTransaction(async (tx: any) => {
          await tx.collection(coll).doc('d').update({ n: _.inc(5), tags: _.push(['z']), meta: _.set({}), gone: _.remove() })
          throw new Error('abort')
        }),
      ).rejects.toThrow('abort')
      expect(await read()).toEqual({ n: 1, tags: ['a'], meta: { a: 1, b: 2 }, gone: true })
    })

    it('the transaction reads its own operator writes before commit', async () => {
      const _ = t.db.command
      const seen = await t.db.runTransaction(async (tx: any) => {
        await tx.collection(coll).doc('d').update({ n: _.inc(1), tags: _.push(['b']) })
        return (await tx.collection(coll).doc('d').get()).data
      })
      expect(seen).toMatchObject({ n: 2, tags: ['a', 'b'] })
    })
  })
})
