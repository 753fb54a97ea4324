import { eventsContract } from '../../../cloudfunctions/contracts/events.contract'
import { EVENT_COLLECTIONS } from '../../../cloudfunctions/core/events/event.model'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { createTypedWorld, type TypedWorld } from '../../support/typed-world'
import { dumpDatabase } from '../../support/test-platform'
import { createEvent } from './events-kit'

const MIN = 60_000

/** Check-in and check-out with the organiser's rotating code: replays, expiry, wrong codes, dwell. */
describe('event check-in / check-out', () => {
  let world: TypedWorld
  beforeEach(async () => {
    world = await createTypedWorld({ seed: true, clockAt: '2026-12-05T06:00:00.000Z' })
  })
  afterEach(() => world.close())

  const code = () => world.as('steward').call(eventsContract, 'code', { eventId: 'ev-demo-aircon' })
  const scan = (c: string) => world.as('owner').attempt(eventsContract, 'scan', { eventId: 'ev-demo-aircon', code: c })

  it('checks in on the first code, refuses the same code again, and checks out on a later one with the dwell time', async () => {
    await world.as('owner').call(eventsContract, 'signUp', { eventId: 'ev-demo-aircon' })
    world.clock.advance(35 * MIN) // the event has started
    const first = await code()
    expect(first.code).toMatch(/^\d{6}$/)
    expect(first.qr).toBe(`EVT1.ev-demo-aircon.${first.code}`)
    const inn = await scan(first.code)
    expect(inn).toMatchObject({ ok: true, data: { action: 'checked_in', mine: { status: 'signed', checkOutAt: null } } })

    // The very same code again, 5 s later (still live): a replay, refused, nothing written.
    world.clock.advance(5_000)
    const before = dumpDatabase(world.platform)
    expect(await scan(first.code)).toMatchObject({ ok: false, code: 'EVENT.CODE_REPLAYED' })
    expect(dumpDatabase(world.platform)).toEqual(before)

    // The QR form of the same code is the same code.
    expect(await world.as('owner').attempt(eventsContract, 'scan', { code: first.qr })).toMatchObject({ ok: false, code: 'EVENT.CODE_REPLAYED' })

    // A new code a minute later is a double tap, not a departure.
    world.clock.advance(MIN)
    expect(await scan((await code()).code)).toMatchObject({ ok: false, code: 'EVENT.ALREADY_CHECKED_IN' })

    // 82 minutes after check-in, a fresh code checks out.
    world.clock.set(new Date(Date.parse(inn.ok ? inn.data.mine.checkInAt! : '') + 82 * MIN + 10_000).toISOString())
    const out = await scan((await code()).code)
    expect(out).toMatchObject({ ok: true, data: { action: 'checked_out', mine: { dwellMinutes: 82 } } })

    const live = await world.as('steward').call(eventsContract, 'attendance', { eventId: 'ev-demo-aircon' })
    const mine = live.attendees.find((a) => a.householdLabel === '1栋1单元101')
    expect(mine).toMatchObject({ dwellMinutes: 82 })
    expect(live.checkedOut).toBe(1)
    // Seeded: 4 neighbours already in; plus the owner, now gone.
    expect(live.checkedIn).toBe(5)
    expect(live.onSite).toBe(4)

    // After check-out any further code is refused as such.
    world.clock.advance(MIN)
    expect(await scan((await code()).code)).toMatchObject({ ok: false, code: 'EVENT.ALREADY_CHECKED_OUT' })
  })

  it('refuses an expired code and a wrong one, writing nothing but the guess counter', async () => {
    await world.as('owner').call(eventsContract, 'signUp', { eventId: 'ev-demo-aircon' })
    world.clock.advance(35 * MIN)
    const old = await code()
    world.clock.advance(45_000) // two steps later: the code on a photo taken 45 s ago
    const before = dumpDatabase(world.platform, ['idempotency_keys', 'rate_limits'])
    expect(await scan(old.code)).toMatchObject({ ok: false, code: 'EVENT.CODE_EXPIRED', message: expect.stringContaining('过期') })
    const wrong = old.code === '000000' ? '000001' : '000000'
    expect(await scan(wrong)).toMatchObject({ ok: false, code: 'EVENT.CODE_INVALID' })
    expect(await scan('12ab')).toMatchObject({ ok: false, code: 'EVENT.CODE_INVALID' })
    expect(dumpDatabase(world.platform, ['idempotency_keys', 'rate_limits'])).toEqual(before)
    const signup = must(await world.platform.db.collection(EVENT_COLLECTIONS.signups).doc('ev-demo-aircon.h-1-1-101').get()).data[0] as { checkInAt: Date | null }
    expect(signup.checkInAt).toBeNull()
  })

  it('accepts a code only in its own 20 s step and the next', async () => {
    await world.as('owner').call(eventsContract, 'signUp', { eventId: 'ev-demo-aircon' })
    world.clock.set('2026-12-05T06:35:00.000Z') // a step boundary (epoch seconds divisible by 20)
    const c = await code()
    world.clock.advance(39_000)
    expect(await scan(c.code)).toMatchObject({ ok: true, data: { action: 'checked_in' } })
  })

  it('refuses a household that did not sign up, and another event’s code on this page', async () => {
    const other = await createEvent(world, { startInMin: 10 })
    world.clock.advance(35 * MIN)
    const c = await code()
    expect(await scan(c.code)).toMatchObject({ ok: false, code: 'EVENT.NOT_SIGNED_UP' })
    expect(await world.as('owner').attempt(eventsContract, 'scan', { eventId: other, code: c.qr })).toMatchObject({ ok: false, code: 'EVENT.CODE_INVALID' })
  })

  it('guards the code: only the community’s staff get it, residents are refused before anything', async () => {
    expect(await world.as('owner').attempt(eventsContract, 'code', { eventId: 'ev-demo-aircon' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.as('technician').attempt(eventsContract, 'attendance', { eventId: 'ev-demo-aircon' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.as('steward').attempt(eventsContract, 'code', { eventId: 'no-such-event' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })
})
