import fc from 'fast-check'
import { minusParts, refundedParts, splitOf } from '../../../cloudfunctions/core/merchants/split-math'

describe('merchant split (docs/merchants.md, worked example)', () => {
  it('¥123.45 at 扣点 8% and steward commission 5%: 11357 + 371 + 617 = 12345', () => {
    // 12345 × 8% = 987.6 → 988 (half up); merchant 12345 − 988 = 11357;
    // 12345 × 5% = 617.25 → 617 (down); property keeps 988 − 617 = 371.
    expect(splitOf(12345, 800, 500)).toEqual({ merchantFen: 11357, commissionFen: 988, stewardFen: 617, propertyNetFen: 371 })
  })

  it('half a fen of 扣点 rounds up, a fraction of commission rounds down', () => {
    // 1 × 8% = 0.08 → 0; 7 × 8% = 0.56 → 1; 625 × 8% = 50 exactly; 1250 × 5% = 62.5 → 62.
    expect(splitOf(1, 800, 0).commissionFen).toBe(0)
    expect(splitOf(7, 800, 0).commissionFen).toBe(1)
    expect(splitOf(625, 800, 0).commissionFen).toBe(50)
    expect(splitOf(1250, 800, 500).stewardFen).toBe(62)
  })

  it('a property-company sale is 100% 扣点 and no merchant share', () => {
    expect(splitOf(8800, 10_000, 300)).toEqual({ merchantFen: 0, commissionFen: 8800, stewardFen: 264, propertyNetFen: 8536 })
  })

  it('refund in thirds: 4115 each; the parts of each refund sum to it and the thirds sum to the split', () => {
    const split = { grossFen: 12345, ...splitOf(12345, 800, 500) }
    const at = [0, 4115, 8230, 12345].map((c) => refundedParts(split, c))
    const thirds = [1, 2, 3].map((i) => minusParts(at[i], at[i - 1]))
    // merchant ⌊11357·c/12345⌋: 3785, 7571, 11357 → 3785, 3786, 3786
    // steward round(617·c/12345): 206, 411, 617 → 206, 205, 206; 扣点 = refund − merchant part.
    expect(thirds).toEqual([
      { merchantFen: 3785, commissionFen: 330, stewardFen: 206, propertyNetFen: 124 },
      { merchantFen: 3786, commissionFen: 329, stewardFen: 205, propertyNetFen: 124 },
      { merchantFen: 3786, commissionFen: 329, stewardFen: 206, propertyNetFen: 123 },
    ])
    for (const t of thirds) expect(t.merchantFen + t.commissionFen).toBe(4115)
  })

  it('for any amount, rates and refunds: parts sum to gross, refunds never go below zero, all of it comes back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 3_000 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }), (gross, rate, steward, weights) => {
        const s = splitOf(gross, rate, steward)
        expect(s.merchantFen + s.propertyNetFen + s.stewardFen).toBe(gross)
        expect(s.merchantFen).toBeGreaterThanOrEqual(0)
        const split = { grossFen: gross, ...s }
        const total = weights.reduce((a, b) => a + b, 0)
        let refunded = 0
        let before = refundedParts(split, 0)
        const sum = { merchantFen: 0, commissionFen: 0, stewardFen: 0, propertyNetFen: 0 }
        for (const [i, w] of weights.entries()) {
          const amount = i === weights.length - 1 ? gross - refunded : Math.floor((gross * w) / total)
          refunded += amount
          const after = refundedParts(split, refunded)
          const d = minusParts(after, before)
          expect(d.merchantFen).toBeGreaterThanOrEqual(0)
          expect(d.merchantFen + d.commissionFen).toBe(amount)
          for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += d[k]
          before = after
        }
        expect(sum).toEqual(s)
      }),
      { numRuns: 300 },
    )
  })
})
