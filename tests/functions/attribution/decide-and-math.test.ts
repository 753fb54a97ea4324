import fc from 'fast-check'
import { decideAttribution, type DecisionInput } from '../../../cloudfunctions/core/attribution/decide'
import { commissionOf, reversalTarget } from '../../../cloudfunctions/core/attribution/commission-math'
import { DEFAULT_RULES } from '../../../cloudfunctions/core/attribution/settings'
import type { TouchDoc } from '../../../cloudfunctions/core/attribution/attribution.model'
import { addMonths, monthOf, monthRange } from '../../../cloudfunctions/core/metrics/month'

const PAID = new Date('2026-11-20T04:00:00.000Z')
const DAY = 86_400_000
const touch = (id: string, steward: string, daysBefore: number): TouchDoc => ({
  _id: id,
  residentOpenid: 'r',
  stewardId: `staff-${steward}`,
  stewardOpenid: steward,
  communityId: 'c',
  campaignId: null,
  groupId: null,
  source: 'page',
  at: new Date(PAID.getTime() - daysBefore * DAY),
})
const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
  payerOpenid: 'r',
  orderType: 'groupbuy',
  paidAt: PAID,
  rules: DEFAULT_RULES,
  campaign: null,
  touches: [],
  activeStewards: new Map([
    ['a', 'staff-a'],
    ['b', 'staff-b'],
  ]),
  homeStewardOpenid: 'b',
  ...over,
})

describe('decideAttribution (pure rules)', () => {
  it('takes the latest touch inside the window, ignores touches after payment and stewards no longer active', () => {
    const d = decideAttribution(input({ touches: [touch('t1', 'a', 3), touch('t2', 'gone', 1), touch('t3', 'a', -1)] }))
    expect(d).toMatchObject({ rule: 'last_touch', stewardOpenid: 'a', stewardId: 'staff-a', rateBp: 500, windowDays: 7, touch: { touchId: 't1' } })
  })

  it('a campaign window and rate override the community ones', () => {
    const d = decideAttribution(input({ touches: [touch('t1', 'a', 2)], campaign: { windowDays: 1, rateBp: 900 } }))
    expect(d).toMatchObject({ rule: 'home_steward', stewardOpenid: 'b', windowDays: 1, rateBp: 900 })
  })

  it('nobody when the home steward is gone and no touch decides; fee orders earn nothing by default', () => {
    expect(decideAttribution(input({ homeStewardOpenid: 'gone' }))).toMatchObject({ rule: 'unattributed', stewardOpenid: null, rateBp: 0 })
    expect(decideAttribution(input({ orderType: 'fee' }))).toMatchObject({ rule: 'home_steward', rateBp: 0 })
  })

  it('property: the decided touch is never older than the window nor newer than the payment, and no other valid touch is later', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'x'), fc.double({ min: -3, max: 12, noNaN: true })), { maxLength: 12 }), (specs) => {
        const touches = specs.map(([s, days], i) => touch(`t${i}`, s, days))
        const d = decideAttribution(input({ touches }))
        const valid = touches.filter((t) => t.stewardOpenid !== 'x' && PAID.getTime() - new Date(t.at).getTime() <= 7 * DAY && new Date(t.at) <= PAID)
        if (valid.length === 0) return d.rule === 'home_steward'
        const latest = Math.max(...valid.map((t) => new Date(t.at).getTime()))
        return d.rule === 'last_touch' && d.touch!.at.getTime() === latest
      }),
    )
  })
})

describe('commission arithmetic', () => {
  it('rounds the commission down to the fen', () => {
    expect(commissionOf(3990, 500)).toBe(199) // 199.5
    expect(commissionOf(0, 500)).toBe(0)
  })

  it('property: partial refunds, in any split, reverse exactly the accrual once everything is refunded, never more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 5000 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }), (base, rate, parts) => {
        const amountFen = commissionOf(base, rate)
        const acc = { amountFen, baseFen: base, refundedAtAccrualFen: 0 }
        const total = parts.reduce((a, b) => a + b, 0)
        let refunded = 0
        let reversed = 0
        for (const p of parts) {
          refunded = Math.min(base, refunded + Math.max(1, Math.floor((base * p) / total)))
          const target = reversalTarget(acc, refunded)
          if (target < reversed || target > amountFen) return false
          reversed = target
        }
        return reversalTarget(acc, base) === amountFen
      }),
    )
  })
})

describe('business months (Asia/Shanghai)', () => {
  it('puts 00:30 on the 1st in Shanghai into the new month, whatever the UTC date says', () => {
    expect(monthOf(new Date('2026-11-30T16:30:00.000Z'))).toBe('2026-12')
    expect(monthOf(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11')
    expect(monthRange('2026-12')).toEqual({ start: new Date('2026-11-30T16:00:00.000Z'), end: new Date('2026-12-31T16:00:00.000Z') })
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
  })
})
