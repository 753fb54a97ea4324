import { instanceMemo } from '../../../cloudfunctions/core/kernel/instance-memo'

/** The per-instance memo behind the flash sale's sold-out memo: per database, time-boxed, one refresher per expiry. */
describe('instanceMemo', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())
  const dbA = {}
  const dbB = {}

  it('keeps a value per database for its TTL, then one caller refreshes while the others keep the old value briefly', () => {
    const memo = instanceMemo<number>(1000, 10, 100)
    memo.set(dbA, 'k', 1)
    expect(memo.get(dbA, 'k')).toBe(1)
    expect(memo.get(dbB, 'k')).toBeUndefined()
    jest.advanceTimersByTime(1001)
    expect(memo.get(dbA, 'k')).toBeUndefined() // the first asker after expiry reads afresh
    expect(memo.get(dbA, 'k')).toBe(1) // the others, meanwhile, get the old value
    memo.set(dbA, 'k', 2)
    expect(memo.get(dbA, 'k')).toBe(2)
  })

  it('drops an entry whose refresher never came back', () => {
    const memo = instanceMemo<number>(1000, 10, 100)
    memo.set(dbA, 'k', 1)
    jest.advanceTimersByTime(1001)
    expect(memo.get(dbA, 'k')).toBeUndefined()
    jest.advanceTimersByTime(101)
    expect(memo.get(dbA, 'k')).toBeUndefined()
    expect(memo.get(dbA, 'k')).toBeUndefined()
  })

  it('forgets by match and holds at most max keys, oldest out first', () => {
    const memo = instanceMemo<{ skus: string[] }>(1000, 2)
    memo.set(dbA, 'c1', { skus: ['s1'] })
    memo.set(dbA, 'c2', { skus: ['s2'] })
    memo.deleteWhere(dbA, (v) => v.skus.includes('s1'))
    expect(memo.get(dbA, 'c1')).toBeUndefined()
    expect(memo.get(dbA, 'c2')).toEqual({ skus: ['s2'] })
    memo.set(dbA, 'c3', { skus: ['s3'] })
    memo.set(dbA, 'c4', { skus: ['s4'] })
    expect(memo.get(dbA, 'c2')).toBeUndefined()
    expect(memo.get(dbA, 'c4')).toEqual({ skus: ['s4'] })
  })
})
