import fc from 'fast-check'
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { BUSINESS_TZ, businessDate, businessMonth, formatBusiness, inBusinessTime, monthRange } from '../../../cloudfunctions/core/kernel/business-time'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * inBusinessTime skips dayjs's per-call toLocaleString but must give the very value `.tz(BUSINESS_TZ)` gives:
 * the same wall clock, the same instant, and the same calendar arithmetic, including across China's
 * 1986–1991 daylight-saving years and month ends.
 */
describe('business time: the fast Shanghai conversion equals dayjs .tz()', () => {
  // From 1971: before 1970 dayjs's own .tz() mis-rounds negative epoch milliseconds (-1 ms reads "+07:59.98"),
  // so it is no reference there; no business instant is that old.
  const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) })
  const compare = (ms: number) => {
    const fast = inBusinessTime(ms)
    const slow = dayjs(ms).tz(BUSINESS_TZ)
    expect(fast.format('YYYY-MM-DD HH:mm:ss.SSS Z')).toBe(slow.format('YYYY-MM-DD HH:mm:ss.SSS Z'))
    expect(fast.valueOf()).toBe(slow.valueOf())
    for (const unit of ['day', 'month', 'year'] as const) {
      expect(fast.startOf(unit).valueOf()).toBe(slow.startOf(unit).valueOf())
      expect(fast.endOf(unit).valueOf()).toBe(slow.endOf(unit).valueOf())
    }
    expect(fast.add(1, 'month').format('YYYY-MM-DD HH:mm')).toBe(slow.add(1, 'month').format('YYYY-MM-DD HH:mm'))
    expect(fast.add(1, 'day').startOf('day').valueOf()).toBe(slow.add(1, 'day').startOf('day').valueOf())
  }

  it('over random instants from 1971 to 2100', () => {
    fc.assert(fc.property(instant, (ms) => compare(ms)), { numRuns: 2000 })
  })

  it('at the edges: daylight-saving changes of 1986–1991, New Year in Shanghai, month ends, the same hour twice', () => {
    const edges = [
      Date.UTC(1986, 4, 3, 17, 59, 59, 999), Date.UTC(1986, 4, 3, 18), Date.UTC(1986, 8, 13, 16, 59), Date.UTC(1986, 8, 13, 17),
      Date.UTC(1991, 3, 13, 18), Date.UTC(1991, 8, 14, 17), Date.UTC(2026, 11, 31, 15, 59, 59, 999), Date.UTC(2026, 11, 31, 16),
      Date.UTC(2027, 1, 28, 16), Date.UTC(2028, 1, 28, 16), Date.UTC(2026, 11, 3, 9, 30),
    ]
    for (const ms of [...edges, ...edges]) compare(ms)
  })

  it('the helpers built on it answer as before', () => {
    expect(businessMonth(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01')
    expect(businessDate(new Date('2026-12-03T15:59:59Z'))).toBe('2026-12-03')
    expect(businessDate(new Date('2026-12-03T16:00:00Z'))).toBe('2026-12-04')
    expect(formatBusiness('2026-12-03T01:02:03Z', 'YYYYMMDDHHmmss')).toBe('20261203090203')
    expect(monthRange('2027-01').start.toISOString()).toBe('2026-12-31T16:00:00.000Z')
    expect(inBusinessTime('not a date').isValid()).toBe(false)
  })
})
