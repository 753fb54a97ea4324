import { eventsContract } from '../../../cloudfunctions/contracts/events.contract'
import { EVENT_COLLECTIONS, type EventDoc, type SignupDoc } from '../../../cloudfunctions/core/events/event.model'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { createTypedWorld, type TypedWorld } from '../../support/typed-world'
import { dumpDatabase } from '../../support/test-platform'
import { addMember, createEvent } from './events-kit'

const MIN = 60_000

/** 报名: the limit holds under concurrency, a household holds one place, cancel gives it back. */
describe('event sign-up', () => {
  let world: TypedWorld
  beforeEach(async () => {
    world = await createTypedWorld({ seed: true, clockAt: '2026-12-05T06:00:00.000Z' })
  })
  afterEach(() => world.close())

  const eventDoc = async (id: string) => must(await world.platform.db.collection(EVENT_COLLECTIONS.events).doc(id).get()).data[0] as EventDoc
  const signups = async (id: string) => must(await world.platform.db.collection(EVENT_COLLECTIONS.signups).where({ eventId: id, status: 'signed' }).limit(100).get()).data as SignupDoc[]

  it('never oversells: 24 households at once for 5 places → exactly 5 signed, the rest EVENT.FULL', async () => {
    const eventId = await createEvent(world, { limit: 5 })
    // 6 buildings × floors 2–5: 24 distinct real households of the demo registry.
    const unique = Array.from({ length: 24 }, (_, i) => `h-${(i % 6) + 1}-1-${Math.floor(i / 6) + 2}01`)
    const openids = await Promise.all(unique.map((h) => addMember(world, h)))
    const results = await Promise.all(openids.map((openid) => world.as({ openid }).attempt(eventsContract, 'signUp', { eventId })))
    const ok = results.filter((r) => r.ok)
    expect(ok).toHaveLength(5)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'EVENT.FULL')).toBe(true)
    const doc = await eventDoc(eventId)
    expect(doc.signedUp).toBe(5)
    expect(new Set(doc.holders).size).toBe(5)
    expect(await signups(eventId)).toHaveLength(5)
  })

  it('gives one household one place, however many of its members tap at once', async () => {
    const eventId = await createEvent(world, { limit: 5 })
    const members = await Promise.all(['a', 'b', 'c', 'd'].map((x) => addMember(world, 'h-2-1-301', `t-member-${x}`)))
    const results = await Promise.all([...members, ...members].map((openid) => world.as({ openid }).attempt(eventsContract, 'signUp', { eventId })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect((await eventDoc(eventId)).signedUp).toBe(1)
    expect(await signups(eventId)).toHaveLength(1)
  })

  it('cancel gives the place back; signing up again takes one place again', async () => {
    const eventId = await createEvent(world, { limit: 1 })
    const neighbour = await addMember(world, 'h-3-1-501')
    await world.as('owner').call(eventsContract, 'signUp', { eventId })
    expect(await world.as({ openid: neighbour }).attempt(eventsContract, 'signUp', { eventId })).toMatchObject({ ok: false, code: 'EVENT.FULL' })
    const cancelled = await world.as('owner').call(eventsContract, 'cancelSignup', { eventId })
    expect(cancelled).toMatchObject({ signedUp: 0, mine: { status: 'cancelled' } })
    expect(await world.as({ openid: neighbour }).call(eventsContract, 'signUp', { eventId })).toMatchObject({ signedUp: 1, mine: { status: 'signed' } })
    expect(await world.as('owner').attempt(eventsContract, 'signUp', { eventId })).toMatchObject({ ok: false, code: 'EVENT.FULL' })
  })

  it('keeps buildings out of scope and closes sign-up at the start, writing nothing', async () => {
    const eventId = await createEvent(world, { buildingIds: ['b-4', 'b-5'] })
    const before = dumpDatabase(world.platform)
    expect(await world.as('owner').attempt(eventsContract, 'signUp', { eventId })).toMatchObject({ ok: false, code: 'EVENT.NOT_ELIGIBLE' })
    // Out of scope, the event is not even listed for the owner.
    const list = await world.as('owner').call(eventsContract, 'list', {})
    expect(list.events.map((e) => e.eventId)).not.toContain(eventId)
    expect(list.events.map((e) => e.eventId)).toEqual(expect.arrayContaining(['ev-demo-aircon', 'ev-demo-dumplings']))
    world.clock.advance(61 * MIN)
    expect(await world.as('owner').attempt(eventsContract, 'signUp', { eventId: 'ev-demo-aircon' })).toMatchObject({ ok: false, code: 'EVENT.SIGNUP_CLOSED' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('refuses bad events with clear codes and writes nothing', async () => {
    const before = dumpDatabase(world.platform)
    const now = world.clock.now().getTime()
    const base = { kind: 'community' as const, title: '读书会', category: '其他' as const, venue: '活动室', signupLimit: 10 }
    const steward = world.as('steward')
    expect(await steward.attempt(eventsContract, 'create', { ...base, startsAt: new Date(now + 2 * 3600_000).toISOString(), endsAt: new Date(now + 3600_000).toISOString() })).toMatchObject({
      ok: false,
      code: 'VALIDATION.FAILED',
    })
    expect(await steward.attempt(eventsContract, 'create', { ...base, signupLimit: 0, startsAt: new Date(now + 3600_000).toISOString(), endsAt: new Date(now + 7200_000).toISOString() })).toMatchObject({
      ok: false,
      code: 'VALIDATION.FAILED',
    })
    expect(await steward.attempt(eventsContract, 'create', { ...base, buildingIds: ['b-99'], startsAt: new Date(now + 3600_000).toISOString(), endsAt: new Date(now + 7200_000).toISOString() })).toMatchObject({
      ok: false,
      code: 'EVENT.SCOPE_INVALID',
    })
    expect(await steward.attempt(eventsContract, 'create', { ...base, startsAt: new Date(now - 7200_000).toISOString(), endsAt: new Date(now - 3600_000).toISOString() })).toMatchObject({
      ok: false,
      code: 'EVENT.WINDOW_INVALID',
    })
    expect(await world.as('owner').attempt(eventsContract, 'create', { ...base, startsAt: new Date(now + 3600_000).toISOString(), endsAt: new Date(now + 7200_000).toISOString() })).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })
})
