import fc from 'fast-check'
import { splitByWeights, splitEqually } from '../../../cloudfunctions/core/events/allocation'

/** 费用分摊 by largest remainder: the docs/events.md worked example, then the rule for any input. */
describe('splitByWeights (largest remainder, integer fen)', () => {
  it('splits ¥100.01 by GMV 170.00 : 350.00 as 32.70 : 67.31 (the remainder fen goes to the larger fraction)', () => {
    // exact: 10001 × 17000 / 52000 = 3269.53, 10001 × 35000 / 52000 = 6731.47 → floors 3269 + 6731 = 10000
    expect(splitByWeights(10001, [17000, 35000])).toEqual([3270, 6731])
  })

  it('splits ¥100.01 over sponsors 3 : 2 : 2 as 42.86 : 28.58 : 28.57 (a tie goes to the earlier sponsor)', () => {
    expect(splitByWeights(10001, [3, 2, 2])).toEqual([4286, 2858, 2857])
  })

  it('splits equally with the odd fen first', () => {
    expect(splitEqually(100, 3)).toEqual([34, 33, 33])
    expect(splitEqually(0, 2)).toEqual([0, 0])
  })

  it('always sums to the amount, and no share is a fen or more away from its exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 12 }), (amount, weights) => {
        fc.pre(weights.some((w) => w > 0))
        const shares = splitByWeights(amount, weights)
        const total = weights.reduce((a, b) => a + b, 0)
        expect(shares.reduce((a, b) => a + b, 0)).toBe(amount)
        shares.forEach((s, i) => {
          expect(Number.isInteger(s)).toBe(true)
          expect(Math.abs(s - (amount * weights[i]) / total)).toBeLessThan(1)
        })
      }),
      { numRuns: 300 },
    )
  })

  it('refuses what cannot be split', () => {
    expect(() => splitByWeights(10.5, [1])).toThrow(RangeError)
    expect(() => splitByWeights(100, [0, 0])).toThrow(RangeError)
    expect(() => splitByWeights(100, [])).toThrow(RangeError)
  })
})
