/**
 * Household facts of repairs and groups are outbox events written with the change they report
 * (docs/profiles.md, "Where the facts come from"): an outage while the fact is recorded never loses it
 * (the ticket or membership commits with its event; the processOutbox timer records the fact once the
 * back-off has passed), and a replayed event records nothing twice.
 */
import { createTypedWorld, type TypedWorld } from '../../support/typed-world'
import { repairsContract } from '../../../cloudfunctions/contracts/repairs.contract'
import { OUTBOX_COLLECTIONS } from '../../../cloudfunctions/core/outbox'

const HOUSEHOLD = 'h-1-1-101'
const HOUR = 3_600_000

type Row = { _id: string; kind?: string; householdId?: string; topic?: string; state?: string; done?: string[]; sourceId?: string }

function rows(world: TypedWorld, collection: string): Row[] {
  return world.platform.local.engine.store.scan(collection).map((r) => r.doc as Row)
}
const facts = (world: TypedWorld, kind: string) => rows(world, 'household_interactions').filter((f) => f.kind === kind && f.householdId === HOUSEHOLD)
const events = (world: TypedWorld, topic: string) => rows(world, OUTBOX_COLLECTIONS.events).filter((e) => e.topic === topic)

/** The household_interactions collection is down (every call on it fails) while `run` runs. */
async function withFactsDown<T>(world: TypedWorld, run: () => Promise<T>): Promise<T> {
  world.platform.local.engine.faultHook = (_action, params) => {
    if ((params as { collectionName?: string }).collectionName === 'household_interactions') throw new Error('database unavailable')
  }
  try {
    return await run()
  } finally {
    world.platform.local.engine.faultHook = undefined
  }
}

/** The processOutbox timer, once every pending event's back-off (at most an hour) has passed. */
async function drainOutbox(world: TypedWorld): Promise<void> {
  world.clock.advance(2 * HOUR)
  expect(await world.timer('orders', 'processOutbox')).toMatchObject({ ok: true })
}

/** Runs an event again from scratch, as a crash before its done-mark would: effects must be idempotent. */
async function replay(world: TypedWorld, eventId: string): Promise<void> {
  const db = world.platform.db
  await db.collection(OUTBOX_COLLECTIONS.events).doc(eventId).update({ state: 'pending', done: [], nextAt: world.clock.now() })
  await drainOutbox(world)
}

describe('durable household facts: repairs', () => {
  let world: TypedWorld
  beforeEach(async () => {
    world = await createTypedWorld({ seed: true })
  })
  afterEach(() => world.close())

  it('a ticket filed while the profile store is down still becomes one 维修频次 fact, and a replay adds none', async () => {
    const ticket = await withFactsDown(world, () => world.as('owner').call(repairsContract, 'create', { place: { kind: 'household', householdId: HOUSEHOLD }, category: 'plumbing', description: '厨房水管漏水' }))
    expect(facts(world, 'repair_filed')).toEqual([])
    expect(events(world, 'repair.filed')).toEqual([expect.objectContaining({ _id: `repair.filed:${ticket.ticketId}`, state: 'pending', done: [] })])

    await drainOutbox(world)
    expect(facts(world, 'repair_filed')).toEqual([expect.objectContaining({ sourceId: ticket.ticketId })])
    expect(events(world, 'repair.filed')).toEqual([expect.objectContaining({ state: 'done', done: ['repairs.profile-facts'] })])

    await replay(world, `repair.filed:${ticket.ticketId}`)
    expect(facts(world, 'repair_filed')).toHaveLength(1)
  })

  it('a public-area ticket writes no event (there is no household to report on)', async () => {
    await world.as('owner').call(repairsContract, 'create', { place: { kind: 'public', communityId: 'c-sunshine', area: '东门道闸' }, category: 'public_facility', description: '道闸抬杆不动' })
    expect(events(world, 'repair.filed')).toEqual([])
  })

  it('each completion is one fact, kept through an outage; a reopened ticket completed again is a second one', async () => {
    const { ticketId } = await world.as('owner').call(repairsContract, 'create', { place: { kind: 'household', householdId: HOUSEHOLD }, category: 'electrical', description: '客厅灯不亮' })
    const technician = world.as('technician')
    await technician.call(repairsContract, 'accept', { ticketId })
    await technician.call(repairsContract, 'start', { ticketId })
    await withFactsDown(world, () => technician.call(repairsContract, 'complete', { ticketId, note: '更换灯座' }))
    expect(facts(world, 'repair_closed')).toEqual([])
    await drainOutbox(world)
    expect(facts(world, 'repair_closed')).toHaveLength(1)

    await world.as('owner').call(repairsContract, 'reopen', { ticketId, reason: '又不亮了' })
    await technician.call(repairsContract, 'accept', { ticketId })
    await technician.call(repairsContract, 'start', { ticketId })
    await technician.call(repairsContract, 'complete', { ticketId, note: '更换开关' })
    expect(facts(world, 'repair_closed')).toHaveLength(2)
    const completions = events(world, 'repair.completed')
    expect(completions).toHaveLength(2)
    for (const e of completions) await replay(world, e._id)
    expect(facts(world, 'repair_closed')).toHaveLength(2)
  })
})
