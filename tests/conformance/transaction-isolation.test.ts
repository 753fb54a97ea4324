import { openTarget, type DbTarget } from './db-target'

/**
 * CloudBase transactions are MongoDB multi-document transactions: snapshot isolation with write
 * conflicts raised on the conflicting write itself (MongoDB's WriteConflict), reported by CloudBase as
 * DATABASE_TRANSACTION_CONFLICT, which runTransaction retries.
 */
describe('conformance: transaction isolation', () => {
  let t: DbTarget
  let c: string
  beforeAll(async () => {
    t = await openTarget()
    c = await t.freshCollection('iso')
  })
  afterAll(() => t.close())
  beforeEach(async () => {
    await t.db.collection(c).doc('a').set({ v: 1 })
    await t.db.collection(c).doc('b').set({ v: 1 })
  })

  const value = async (id: string) => (await t.db.collection(c).doc(id).get()).data[0]?.v

  it('a write to a document another open transaction has written fails at once with DATABASE_TRANSACTION_CONFLICT', async () => {
    const first = await t.db.startTransaction()
    const second = await t.db.startTransaction()
    const w1: any = await first.collection(c).doc('a').update({ v: 2 })
    expect(w1.code).toBeUndefined()
    const w2: any = await second.collection(c).doc('a').update({ v: 3 })
    expect(w2.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(w2.message).toMatch(/TransactionConflict/)
    // The loser is over: its commit reports the conflict too (so runTransaction retries it).
    await expect(second.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    await first.commit()
    expect(await value('a')).toBe(2)
  })

  it('the loser retried by runTransaction applies on top of the winner', async () => {
    const winner = await t.db.startTransaction()
    await winner.collection(c).doc('a').update({ v: t.db.command.inc(10) })
    let attempts = 0
    const retried = t.db.runTransaction(async (tx: any) => {
      attempts += 1
      const cur = (await tx.collection(c).doc('a').get()).data.v
      const res: any = await tx.collection(c).doc('a').update({ v: cur + 100 })
      if (res.code) {
        // Let the winner finish before the retry, as a real concurrent caller eventually would.
        await winner.commit().catch(() => undefined)
        throw res
      }
    }, 5)
    await retried
    expect(attempts).toBe(2)
    expect(await value('a')).toBe(111)
  })

  it('reads inside a transaction see its snapshot, not writes committed by others after it began', async () => {
    const tx = await t.db.startTransaction()
    expect((await tx.collection(c).doc('a').get()).data.v).toBe(1)
    // Committed outside after the transaction began: one plain write, one other transaction.
    await t.db.collection(c).doc('a').update({ v: 50 })
    await t.db.runTransaction(async (other: any) => {
      await other.collection(c).doc('b').update({ v: 60 })
    })
    await t.db.collection(c).add({ _id: 'new', v: 1 })
    expect((await tx.collection(c).doc('a').get()).data.v).toBe(1)
    expect((await tx.collection(c).doc('b').get()).data.v).toBe(1)
    expect((await tx.collection(c).doc('new').get()).data).toBeNull()
    await tx.rollback()
    await t.db.collection(c).doc('new').remove()
  })

  it('a transaction still reads its own writes over its snapshot', async () => {
    const tx = await t.db.startTransaction()
    await tx.collection(c).doc('b').update({ v: 7 })
    await t.db.collection(c).doc('a').update({ v: 9 })
    expect((await tx.collection(c).doc('b').get()).data.v).toBe(7)
    expect((await tx.collection(c).doc('a').get()).data.v).toBe(1)
    await tx.commit()
    expect([await value('a'), await value('b')]).toEqual([9, 7])
  })

  it('documents only read are not validated at commit (snapshot isolation, not serializable)', async () => {
    // MongoDB only detects write-write conflicts: reading 'a' and writing 'b' commits even though 'a'
    // changed meanwhile.
    const tx = await t.db.startTransaction()
    const a = (await tx.collection(c).doc('a').get()).data.v
    await t.db.collection(c).doc('a').update({ v: 2 })
    await tx.collection(c).doc('b').update({ v: a + 10 })
    await tx.commit()
    expect([await value('a'), await value('b')]).toEqual([2, 11])
  })

  it('an unknown or expired transaction answers CloudBase’s TransactionNotExist text', async () => {
    const tx = await t.db.startTransaction()
    await tx.commit()
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('TransactionNotExist') })
  })
})
