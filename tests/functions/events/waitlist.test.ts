import { eventsContract } from '../../../cloudfunctions/contracts/events.contract'
import { EVENT_COLLECTIONS, type EventDoc, type SignupDoc } from '../../../cloudfunctions/core/events/event.model'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { createTypedWorld, type TypedWorld } from '../../support/typed-world'
import { dumpDatabase } from '../../support/test-platform'
import { addMember, createEvent } from './events-kit'

/** Distinct real households of the demo registry (6 buildings × 2 units × floors 2–15, room 01). */
const HOUSEHOLDS = Array.from({ length: 60 }, (_, i) => `h-${(i % 6) + 1}-${(Math.floor(i / 6) % 2) + 1}-${Math.floor(i / 12) + 2}01`)

/** 候补: a full event keeps a queue; freed places and higher limits go to its head, once each, in order. */
describe('event waitlist', () => {
  let world: TypedWorld
  beforeEach(async () => {
    world = await createTypedWorld({ seed: true, clockAt: '2026-12-05T06:00:00.000Z' })
  })
  afterEach(() => world.close())

  const db = () => world.platform.db
  const eventDoc = async (id: string) => must(await db().collection(EVENT_COLLECTIONS.events).doc(id).get()).data[0] as EventDoc
  const signupDocs = async (id: string) => must(await db().collection(EVENT_COLLECTIONS.signups).where({ eventId: id }).limit(200).get()).data as SignupDoc[]
  const notices = async (phrase: string) =>
    (must(await db().collection('inbox_messages').where({ template: 'event_notice' }).limit(500).get()).data as { toOpenid: string; body: string; _id: string }[]).filter((m) => m.body.includes(phrase))

  /** An event with `limit` places taken by the first households, and `queue` more in its waitlist (in that order). */
  async function fullEvent(limit: number, queue: number) {
    const eventId = await createEvent(world, { limit, startInMin: 600 })
    const openids = await Promise.all(HOUSEHOLDS.slice(0, limit + queue).map((h) => addMember(world, h)))
    for (const openid of openids.slice(0, limit)) await world.as({ openid }).call(eventsContract, 'signUp', { eventId })
    for (const openid of openids.slice(limit)) await world.as({ openid }).call(eventsContract, 'joinWaitlist', { eventId })
    return { eventId, holders: openids.slice(0, limit), waiting: openids.slice(limit) }
  }

  const invariants = async (eventId: string) => {
    const e = await eventDoc(eventId)
    const waiting = e.waiting ?? []
    expect(e.signedUp).toBe(e.holders.length)
    expect(e.signedUp).toBeLessThanOrEqual(e.signupLimit)
    expect(new Set(e.holders).size).toBe(e.holders.length)
    expect(new Set(waiting).size).toBe(waiting.length)
    expect(e.holders.filter((h) => waiting.includes(h))).toEqual([])
    // A place left free only when nobody waits.
    if (waiting.length > 0) expect(e.signedUp).toBe(e.signupLimit)
    const docs = await signupDocs(eventId)
    expect(docs.filter((d) => d.status === 'signed').map((d) => d.householdId).sort()).toEqual([...e.holders].sort())
    expect(e.promotions ?? []).toEqual([])
    return e
  }

  it('a full event refuses sign-up (EVENT.FULL) and queues parallel joins once each, showing 候补第 N 位', async () => {
    const eventId = await createEvent(world, { limit: 3, startInMin: 600 })
    const openids = await Promise.all(HOUSEHOLDS.slice(0, 15).map((h) => addMember(world, h)))
    for (const openid of openids.slice(0, 3)) await world.as({ openid }).call(eventsContract, 'signUp', { eventId })
    expect(await world.as({ openid: openids[3] }).attempt(eventsContract, 'signUp', { eventId })).toMatchObject({ ok: false, code: 'EVENT.FULL' })
    // 12 households join at once, each twice (a double tap): 12 places in the queue, no duplicates.
    const joins = await Promise.all([...openids.slice(3), ...openids.slice(3)].map((openid) => world.as({ openid }).attempt(eventsContract, 'joinWaitlist', { eventId })))
    expect(joins.every((r) => r.ok)).toBe(true)
    const e = await invariants(eventId)
    expect(e.signedUp).toBe(3)
    expect(e.waiting).toHaveLength(12)
    // Each resident's position is their place in the database's queue.
    for (const openid of openids.slice(3)) {
      const card = await world.as({ openid }).call(eventsContract, 'detail', { eventId })
      const hid = HOUSEHOLDS[openids.indexOf(openid)]
      expect(card.mine).toMatchObject({ status: 'waiting', waitPosition: e.waiting!.indexOf(hid) + 1 })
      expect(card).toMatchObject({ signedUp: 3, waiting: 12 })
    }
  })

  it('parallel cancellations promote the head of the queue once each, in order, and tell each promoted resident once', async () => {
    const { eventId, holders, waiting } = await fullEvent(5, 8)
    const queueBefore = (await eventDoc(eventId)).waiting!
    expect(queueBefore).toEqual(HOUSEHOLDS.slice(5, 13))
    const results = await Promise.all(holders.slice(0, 3).map((openid) => world.as({ openid }).attempt(eventsContract, 'cancelSignup', { eventId })))
    expect(results.every((r) => r.ok)).toBe(true)
    const e = await invariants(eventId)
    expect(e.signedUp).toBe(5)
    expect(e.holders.slice(2)).toEqual(queueBefore.slice(0, 3))
    expect(e.waiting).toEqual(queueBefore.slice(3))
    const promoted = await notices('候补成功')
    expect(promoted.map((m) => m.toOpenid).sort()).toEqual(waiting.slice(0, 3).sort())
    const first = await world.as({ openid: waiting[0] }).call(eventsContract, 'detail', { eventId })
    expect(first.mine).toMatchObject({ status: 'signed', waitPosition: null })
    const fourth = await world.as({ openid: waiting[3] }).call(eventsContract, 'detail', { eventId })
    expect(fourth.mine).toMatchObject({ status: 'waiting', waitPosition: 1 })
    // The timer finds nothing left to do: no second card.
    await world.timer('events', 'reportAttendance')
    expect(await notices('候补成功')).toHaveLength(3)
  })

  it('parallel cancellations, joins, sign-ups, leaves and a limit increase together: no place counted twice, queue order kept', async () => {
    const { eventId, holders, waiting } = await fullEvent(6, 6)
    const queueBefore = (await eventDoc(eventId)).waiting!
    const newcomers = await Promise.all(HOUSEHOLDS.slice(12, 20).map((h) => addMember(world, h)))
    const event = await eventDoc(eventId)
    const ops = [
      ...holders.slice(0, 4).map((openid) => world.as({ openid }).attempt(eventsContract, 'cancelSignup', { eventId })),
      ...newcomers.slice(0, 5).map((openid) => world.as({ openid }).attempt(eventsContract, 'joinWaitlist', { eventId })),
      ...newcomers.slice(5).map((openid) => world.as({ openid }).attempt(eventsContract, 'signUp', { eventId })),
      world.as({ openid: waiting[4] }).attempt(eventsContract, 'cancelSignup', { eventId }),
      world.as('steward').attempt(eventsContract, 'edit', {
        eventId,
        title: event.title,
        category: event.category,
        venue: event.venue,
        description: event.description,
        startsAt: new Date(event.startsAt).toISOString(),
        endsAt: new Date(event.endsAt).toISOString(),
        signupLimit: 8,
      }),
    ]
    const results = await Promise.all(ops)
    // Sign-ups of newcomers may be refused as full; nothing else may fail.
    results.slice(0, 9).concat(results.slice(12)).forEach((r) => expect(r.ok).toBe(true))
    results.slice(9, 12).forEach((r) => expect(r.ok || (!r.ok && r.code === 'EVENT.FULL')).toBe(true))
    await world.timer('events', 'reportAttendance')
    const e = await invariants(eventId)
    expect(e.signupLimit).toBe(8)
    // The first queue's members (less the one who left) are promoted or still waiting, in their order.
    const oldQueue = queueBefore.filter((h) => h !== HOUSEHOLDS[10])
    const seen = [...e.holders, ...e.waiting!].filter((h) => oldQueue.includes(h))
    expect(seen).toEqual(oldQueue.filter((h) => seen.includes(h)))
    expect(seen).toHaveLength(oldQueue.length)
    // Every old queue member now holding a place was promoted (a newcomer may have found a free place directly);
    // whoever was promoted was told once, and nobody else was.
    const promotedDocs = (await signupDocs(eventId)).filter((d) => d.promotedAt)
    const promotedIds = promotedDocs.map((d) => d.householdId)
    expect(e.holders.filter((h) => queueBefore.includes(h)).every((h) => promotedIds.includes(h))).toBe(true)
    expect(promotedIds.every((h) => e.holders.includes(h) && (queueBefore.includes(h) || HOUSEHOLDS.slice(12, 17).includes(h)))).toBe(true)
    expect((await notices('候补成功')).map((m) => m.toOpenid).sort()).toEqual(promotedDocs.map((d) => d.openid).sort())
  })

  it('a higher limit promotes the queue; a limit below the sign-ups is EVENT.LIMIT_BELOW_SIGNED and writes nothing', async () => {
    const { eventId, waiting } = await fullEvent(4, 3)
    const e = await eventDoc(eventId)
    const edit = (signupLimit: number) => ({
      eventId,
      title: '测试体验会（加场）',
      category: e.category,
      venue: e.venue,
      description: '',
      startsAt: new Date(e.startsAt).toISOString(),
      endsAt: new Date(e.endsAt).toISOString(),
      signupLimit,
    })
    const before = dumpDatabase(world.platform)
    expect(await world.as('steward').attempt(eventsContract, 'edit', edit(3))).toMatchObject({ ok: false, code: 'EVENT.LIMIT_BELOW_SIGNED' })
    expect(dumpDatabase(world.platform)).toEqual(before)
    expect(await world.as('steward').call(eventsContract, 'edit', edit(6))).toMatchObject({ signupLimit: 6, signedUp: 6, waiting: 1, promoted: 2 })
    const after = await invariants(eventId)
    expect(after.title).toBe('测试体验会（加场）')
    expect((await notices('候补成功')).map((m) => m.toOpenid).sort()).toEqual(waiting.slice(0, 2).sort())
    expect((await world.as({ openid: waiting[2] }).call(eventsContract, 'detail', { eventId })).mine).toMatchObject({ status: 'waiting', waitPosition: 1 })
    // Exactly at the sign-ups is allowed.
    expect(await world.as('steward').call(eventsContract, 'edit', edit(6))).toMatchObject({ signupLimit: 6 })
  })

  it('cancelling the event tells every signed-up and waiting household once and releases the places', async () => {
    const { eventId, holders, waiting } = await fullEvent(3, 2)
    const out = await world.as('steward').call(eventsContract, 'cancel', { eventId, reason: '场地临时维修' })
    expect(out).toMatchObject({ status: 'cancelled', notified: 5 })
    const e = await eventDoc(eventId)
    expect(e).toMatchObject({ status: 'cancelled', cancelState: 'done', signedUp: 0, holders: [], waiting: [] })
    const told = await notices('活动取消')
    expect(told.map((m) => m.toOpenid).sort()).toEqual([...holders, ...waiting].sort())
    expect(told[0].body).toContain('场地临时维修')
    expect((await signupDocs(eventId)).every((d) => d.status === 'cancelled' && d.cancelledBy === 'event')).toBe(true)
    expect((await world.as({ openid: holders[0] }).call(eventsContract, 'detail', { eventId })).mine).toMatchObject({ status: 'cancelled', cancelledByEvent: true })
    expect(await world.as({ openid: holders[0] }).attempt(eventsContract, 'signUp', { eventId })).toMatchObject({ ok: false, code: 'EVENT.CANCELLED' })
    expect(await world.as({ openid: holders[0] }).attempt(eventsContract, 'joinWaitlist', { eventId })).toMatchObject({ ok: false, code: 'EVENT.CANCELLED' })
    // A second cancel (another organiser, a retry) tells nobody again.
    expect(await world.as('ops').call(eventsContract, 'cancel', { eventId, reason: '场地临时维修' })).toMatchObject({ status: 'cancelled', notified: 0 })
    expect(await notices('活动取消')).toHaveLength(5)
  })

  it('the timer finishes a cancel and a promotion that a crash left half done, without a second card', async () => {
    const { eventId, waiting } = await fullEvent(2, 2)
    // A crash right after the promotion's update: place moved, sign-up document and notice not yet done.
    const e = await eventDoc(eventId)
    const head = e.waiting![0]
    const _ = db().command
    must(await db().collection(EVENT_COLLECTIONS.events).doc(eventId).update({ signupLimit: 3, signedUp: 3, holders: _.push([head]), waiting: _.pull(head), promotions: _.push([`${head}@${world.clock.now().getTime()}`]) }))
    const first = await world.timer('events', 'reportAttendance')
    expect(first).toMatchObject({ ok: true, data: { promotions: 0 } })
    await invariants(eventId)
    expect((await notices('候补成功')).map((m) => m.toOpenid)).toEqual([waiting[0]])
    // A crash right after the cancel's decision: the timer tells everyone and releases the places.
    must(await db().collection(EVENT_COLLECTIONS.events).doc(eventId).update({ status: 'cancelled', cancelState: 'pending', cancelReason: '天气原因' }))
    expect(await world.timer('events', 'reportAttendance')).toMatchObject({ data: { cancels: 1 } })
    expect(await notices('活动取消')).toHaveLength(4)
    expect(await world.timer('events', 'reportAttendance')).toMatchObject({ data: { cancels: 0 } })
    expect(await notices('活动取消')).toHaveLength(4)
    expect(await eventDoc(eventId)).toMatchObject({ signedUp: 0, holders: [], waiting: [] })
  })

  it('after the start the organiser can neither edit nor cancel (EVENT.STARTED), writing nothing', async () => {
    const eventId = await createEvent(world, { limit: 3, startInMin: 30 })
    world.clock.set(new Date(world.clock.now().getTime() + 31 * 60_000).toISOString())
    const before = dumpDatabase(world.platform)
    expect(await world.as('steward').attempt(eventsContract, 'cancel', { eventId, reason: '人数不足' })).toMatchObject({ ok: false, code: 'EVENT.STARTED' })
    const e = await eventDoc(eventId)
    const edit = { eventId, title: '改个名字', category: e.category, venue: e.venue, description: '', startsAt: new Date(Date.parse(new Date(e.startsAt).toISOString()) + 3600_000).toISOString(), endsAt: new Date(Date.parse(new Date(e.endsAt).toISOString()) + 3600_000).toISOString(), signupLimit: 5 }
    expect(await world.as('steward').attempt(eventsContract, 'edit', edit)).toMatchObject({ ok: false, code: 'EVENT.STARTED' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })
})
