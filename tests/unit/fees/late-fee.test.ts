import { billAmountAt } from '../../../cloudfunctions/core/fees/late-fee'
import { businessDate, dueDateOf, periodEnd, periodOf } from '../../../cloudfunctions/core/fees/period'
import { priceOf } from '../../../cloudfunctions/core/fees/fee-item.rules'

const bill = { principalFen: 20_000, dueDate: '2026-12-15', lateFee: { dailyRateBp: 5, capBp: 1_000 } }

describe('billing periods in Asia/Shanghai', () => {
  it('an instant belongs to the Shanghai month, not the UTC one', () => {
    expect(periodOf(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01')
    expect(periodOf(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12')
    expect(periodOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01')
    expect(businessDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01')
  })

  it('a period ends at Shanghai midnight of the next month’s 1st', () => {
    expect(periodEnd('2026-12').toISOString()).toBe('2026-12-31T16:00:00.000Z')
    expect(periodEnd('2027-02').toISOString()).toBe('2027-02-28T16:00:00.000Z')
    expect(dueDateOf('2027-01', 5)).toBe('2027-01-05')
  })
})

describe('late fee: one rule for every screen and for payment', () => {
  it('is zero through the whole due date in Shanghai, and one day’s worth from the next Shanghai midnight', () => {
    // 2026-12-15 23:59:59 in Shanghai
    expect(billAmountAt(bill, new Date('2026-12-15T15:59:59Z'))).toEqual({ principalFen: 20_000, lateFeeFen: 0, amountFen: 20_000, overdueDays: 0 })
    // 2026-12-16 00:00:00 in Shanghai (still the 15th in UTC)
    expect(billAmountAt(bill, new Date('2026-12-15T16:00:00Z'))).toEqual({ principalFen: 20_000, lateFeeFen: 10, amountFen: 20_010, overdueDays: 1 })
    // Before the due date nothing accrues either.
    expect(billAmountAt(bill, new Date('2026-12-01T00:00:00Z')).lateFeeFen).toBe(0)
  })

  it('a payment at 2026-12-31T16:30Z is counted on 1 January: 17 days late', () => {
    const at = new Date('2026-12-31T16:30:00Z')
    expect(billAmountAt(bill, at)).toMatchObject({ overdueDays: 17, lateFeeFen: 170, amountFen: 20_170 })
    expect(billAmountAt(bill, new Date('2026-12-31T15:59:00Z'))).toMatchObject({ overdueDays: 16, lateFeeFen: 160 })
  })

  it('rounds down to the fen and stops at the cap', () => {
    const odd = { principalFen: 12_345, dueDate: '2026-12-15', lateFee: { dailyRateBp: 5, capBp: 1_000 } }
    // 12345 × 5/10000 × 3 = 18.5175 fen → 18
    expect(billAmountAt(odd, new Date('2026-12-18T04:00:00Z')).lateFeeFen).toBe(18)
    // 10% cap of 200 元 is 20 元, reached after 200 days and never exceeded.
    expect(billAmountAt(bill, new Date('2027-07-03T04:00:00Z')).lateFeeFen).toBe(2_000)
    expect(billAmountAt(bill, new Date('2029-01-01T04:00:00Z')).lateFeeFen).toBe(2_000)
    expect(billAmountAt({ ...bill, lateFee: { dailyRateBp: 0, capBp: 10_000 } }, new Date('2029-01-01T04:00:00Z')).lateFeeFen).toBe(0)
  })
})

describe('principal arithmetic', () => {
  it('area × unit price is exact in integer fen, half up', () => {
    expect(priceOf(89.37, 235)).toBe(21_002) // 21001.95
    expect(priceOf(96, 250)).toBe(24_000)
    expect(priceOf(0.1, 5)).toBe(1) // 0.5 → 1
    expect(priceOf(12.34, 520)).toBe(6_417) // 6416.8
  })
})
