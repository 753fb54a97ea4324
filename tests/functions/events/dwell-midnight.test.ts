import { eventsContract } from '../../../cloudfunctions/contracts/events.contract'
import { EVENT_COLLECTIONS, type SignupDoc } from '../../../cloudfunctions/core/events/event.model'
import { dwellMinutes } from '../../../cloudfunctions/core/events/dwell'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { createTypedWorld } from '../../support/typed-world'

/** An evening event past midnight in Shanghai: dwell from instants, the check-in day in Beijing time. */
describe('dwell time across midnight (Asia/Shanghai)', () => {
  it('23:40 → 00:55 next day is 75 minutes, on the day the resident arrived', async () => {
    // 2026-12-24 22:00 in Shanghai is 14:00 UTC; the function runs in UTC like CloudBase.
    const world = await createTypedWorld({ seed: true, clockAt: '2026-12-24T14:00:00.000Z' })
    try {
      const { eventId } = await world.as('steward').call(eventsContract, 'create', {
        kind: 'community',
        title: '平安夜跨年观星会',
        category: '其他',
        venue: '6栋屋顶花园',
        startsAt: '2026-12-24T22:30:00+08:00',
        endsAt: '2026-12-25T01:30:00+08:00',
        signupLimit: 20,
      })
      await world.as('owner').call(eventsContract, 'signUp', { eventId })
      world.clock.set('2026-12-24T15:40:00.000Z') // 23:40 in Shanghai
      const inCode = await world.as('steward').call(eventsContract, 'code', { eventId })
      expect(await world.as('owner').call(eventsContract, 'scan', { eventId, code: inCode.code })).toMatchObject({ action: 'checked_in' })
      world.clock.set('2026-12-24T16:55:00.000Z') // 00:55 on the 25th in Shanghai, still the 24th in UTC
      const outCode = await world.as('steward').call(eventsContract, 'code', { eventId })
      const out = await world.as('owner').call(eventsContract, 'scan', { code: outCode.qr })
      expect(out).toMatchObject({ action: 'checked_out', mine: { dwellMinutes: 75 } })
      const row = must(await world.platform.db.collection(EVENT_COLLECTIONS.signups).doc(`${eventId}.h-1-1-101`).get()).data[0] as SignupDoc
      expect(row.checkInDate).toBe('2026-12-24')
      expect(row.report).toBe('done')
    } finally {
      world.close()
    }
  })

  it('counts whole minutes from instants, whatever the wall clock says', () => {
    expect(dwellMinutes(new Date('2026-12-31T23:50:00+08:00'), new Date('2027-01-01T00:20:59+08:00'))).toBe(30)
    expect(dwellMinutes(new Date('2026-12-24T15:40:00Z'), new Date('2026-12-24T15:40:59Z'))).toBe(0)
  })
})
