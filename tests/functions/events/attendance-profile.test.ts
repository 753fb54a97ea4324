import { eventsContract } from '../../../cloudfunctions/contracts/events.contract'
import { EVENT_COLLECTIONS, type SignupDoc } from '../../../cloudfunctions/core/events/event.model'
import { attendanceWeight } from '../../../cloudfunctions/core/events/report-attendance'
import { INTERACTION_COLLECTION } from '../../../cloudfunctions/core/profiles/interaction.model'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { createTypedWorld } from '../../support/typed-world'

const MIN = 60_000

/** Check-out tells the resident profile once: an event_attendance interaction in the event's category. */
describe('attendance feeds the profile', () => {
  it('records one event_attendance per visit, weighted by the stay; the timer finishes pending ones and repeats change nothing', async () => {
    const world = await createTypedWorld({ seed: true, clockAt: '2026-12-05T06:00:00.000Z' })
    try {
      const db = world.platform.db
      const interactions = async (householdId: string) =>
        must(await db.collection(INTERACTION_COLLECTION).where({ householdId, kind: 'event_attendance' }).limit(50).get()).data as { category: string; weight: number; sourceId: string }[]
      await world.as('owner').call(eventsContract, 'signUp', { eventId: 'ev-demo-aircon' })
      world.clock.advance(35 * MIN)
      const c1 = await world.as('steward').call(eventsContract, 'code', { eventId: 'ev-demo-aircon' })
      await world.as('owner').call(eventsContract, 'scan', { code: c1.qr })
      expect(await interactions('h-1-1-101')).toEqual([]) // arriving is not yet a visit
      world.clock.advance(90 * MIN)
      const c2 = await world.as('steward').call(eventsContract, 'code', { eventId: 'ev-demo-aircon' })
      await world.as('owner').call(eventsContract, 'scan', { code: c2.qr })
      expect(await interactions('h-1-1-101')).toEqual([expect.objectContaining({ category: '家电', weight: attendanceWeight(90), sourceId: 'ev-demo-aircon.h-1-1-101' })])
      expect(attendanceWeight(90)).toBe(1.2)

      // The demo's finished visits of last week are pending: the timer tells the profile, once.
      const first = await world.timer('events', 'reportAttendance')
      expect(first).toMatchObject({ ok: true, data: { reported: 8, failed: 0 } })
      expect(await interactions('h-2-1-301')).toHaveLength(1)
      const again = await world.timer('events', 'reportAttendance')
      expect(again).toMatchObject({ ok: true, data: { reported: 0 } })
      const pending = must(await db.collection(EVENT_COLLECTIONS.signups).where({ report: 'pending' }).limit(10).get()).data as SignupDoc[]
      expect(pending).toEqual([])
      expect(await interactions('h-1-1-101')).toHaveLength(1)
    } finally {
      world.close()
    }
  })
})
