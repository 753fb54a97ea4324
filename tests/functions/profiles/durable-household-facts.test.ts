/**
 * Household facts of repairs and groups are outbox events written with the change they report
 * (docs/profiles.md, "Where the facts come from"): an outage while the fact is recorded never loses it
 * (the ticket or membership commits with its event; the processOutbox timer records the fact once the
 * back-off has passed), and a replayed event records nothing twice.
 */
import { createTypedWorld, type TypedWorld } from '../../support/typed-world'
import { repairsContract } from '../../../cloudfunctions/contracts/repairs.contract'
import { groupsContract } from '../../../cloudfunctions/contracts/groups.contract'
import { OUTBOX_COLLECTIONS } from '../../../cloudfunctions/core/outbox'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { GROUP_COLLECTIONS, type GroupDoc, type GroupMemberDoc } from '../../../cloudfunctions/core/groups/group.model'
import { markJoined, memberId } from '../../../cloudfunctions/core/groups/membership.service'
import { rawIncrement } from '../../../cloudfunctions/core/groups/activity-score'
import { localCloudIdFor } from '../../../cloudfunctions/platform/local/open-gid.local'
import { DbCheckpoint } from '../../hardening/support/db-checkpoint'
import { createSandboxWorld } from '../../support/test-platform'
import { callerIn } from '../../support/typed-world'
import { payAndConfirm, unpaidIds } from '../fees/fees-test-kit'
import { deltaLines, diffDeltas } from '../../hardening/support/state-delta'

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

/**
 * Runs an event's effects again, as a crash right before the outbox's own record would: the event is
 * pending again and its done list is what the effects committed themselves (only an effect that marks
 * itself in its own transaction, claimEffectInTx, has such a mark). Effects must be idempotent.
 */
async function replay(world: TypedWorld, eventId: string): Promise<void> {
  const db = world.platform.db
  const [event] = must(await db.collection(OUTBOX_COLLECTIONS.events).doc(eventId).get()).data as Row[]
  const selfMarked = (event.done ?? []).filter((name) => name === 'groups.entry-activity')
  await db.collection(OUTBOX_COLLECTIONS.events).doc(eventId).update({ state: 'pending', done: selfMarked, nextAt: world.clock.now() })
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

describe('durable household facts: groups', () => {
  let world: TypedWorld
  beforeEach(async () => {
    world = await createTypedWorld({ seed: true })
  })
  afterEach(() => world.close())

  const CHAT = '阳光花园1–3栋业主1群'
  const groupDoc = async (id: string) => (must(await world.platform.db.collection(GROUP_COLLECTIONS.groups).doc(id).get()).data as GroupDoc[])[0]
  const member = async (groupId: string, openid: string) => (must(await world.platform.db.collection(GROUP_COLLECTIONS.members).doc(memberId(groupId, openid)).get()).data as GroupMemberDoc[])[0]

  it('a confirmed join during an outage is one 社群活跃 join fact once the outbox has run; a replay adds none', async () => {
    const family = world.as('family')
    const assigned = await family.call(groupsContract, 'join', { householdId: HOUSEHOLD })
    if (assigned.outcome !== 'assigned' || !assigned.group) throw new Error(`join gave ${assigned.outcome}`)
    await withFactsDown(world, () => family.call(groupsContract, 'confirmJoined', { groupId: assigned.group!.id }))
    expect((await member(assigned.group.id, 'demo-family')).status).toBe('joined')
    expect(facts(world, 'group_joined')).toEqual([])
    expect(events(world, 'group.joined')).toEqual([expect.objectContaining({ state: 'pending' })])
    await drainOutbox(world)
    expect(facts(world, 'group_joined')).toHaveLength(1)
    await replay(world, events(world, 'group.joined')[0]._id)
    expect(facts(world, 'group_joined')).toHaveLength(1)
  })

  it('cards opened inside the group: each opening one entry and one fact, a retried opening none more', async () => {
    const family = world.as('family')
    const first = await family.call(groupsContract, 'recordEntry', { cloudID: localCloudIdFor(CHAT) })
    const groupId = first.group!.id
    // The first open joined the member: a join fact and an entry fact.
    expect(facts(world, 'group_joined')).toHaveLength(1)
    expect(facts(world, 'group_activity')).toHaveLength(1)
    await withFactsDown(world, () => family.call(groupsContract, 'recordEntry', { cloudID: localCloudIdFor(CHAT) }))
    expect(facts(world, 'group_activity')).toHaveLength(1)
    await drainOutbox(world)
    expect(facts(world, 'group_activity')).toHaveLength(2)
    expect((await member(groupId, 'demo-family')).entries).toBe(2)

    // The same opening again (a retry whose first reply was lost): its event exists, nothing is counted.
    const group = await groupDoc(groupId)
    const opening = { action: 'recordEntry', requestId: 'same-opening', cloudID: localCloudIdFor(CHAT) }
    world.platform.local.engine.faultHook = (action, params) => {
      // The reply is lost: the runtime cannot record it, so the retry runs the action again.
      if ((params as { collectionName?: string }).collectionName === 'idempotency_keys' && action === 'database.modifyDocument') throw new Error('connection reset')
    }
    const openedAt = world.clock.now()
    await world.call('groups', 'demo-family', opening)
    world.platform.local.engine.faultHook = undefined
    world.clock.advance(61_000)
    expect(await world.call('groups', 'demo-family', opening)).toMatchObject({ ok: true })
    expect((await member(groupId, 'demo-family')).entries).toBe(3)
    // Scores grow with time (activity-score.ts), so compare in units of one open at the opening's time.
    expect(((await groupDoc(groupId)).activityRaw - group.activityRaw) / rawIncrement('open', openedAt)).toBeCloseTo(1, 6)
    expect(facts(world, 'group_activity')).toHaveLength(3)
    // A replayed event counts nothing twice either: the increments and the effect's mark commit together.
    for (const e of events(world, 'group.entered')) await replay(world, e._id)
    expect((await member(groupId, 'demo-family')).entries).toBe(3)
    expect(facts(world, 'group_activity')).toHaveLength(3)
  })

  it('twenty members opening cards in one group at once: every call succeeds and every opening is counted once', async () => {
    const group = (must(await world.platform.db.collection(GROUP_COLLECTIONS.groups).where({ name: CHAT }).limit(1).get()).data as GroupDoc[])[0]
    const people = Array.from({ length: 20 }, (_, i) => `burst-${i}`)
    for (const openid of people) await markJoined(world.platform.db, group, { openid, householdId: null, identity: null }, world.clock.now(), null)
    const before = await groupDoc(group._id)
    const openedAt = world.clock.now()
    const replies = await Promise.all(people.map((openid, i) => world.call('groups', openid, { action: 'recordEntry', requestId: `burst-open-${i}`, cloudID: localCloudIdFor(CHAT) })))
    expect(replies.filter((r) => !r.ok)).toEqual([])
    // Conflicts on the group's document are retried inside the effect (CONFLICT_ATTEMPTS), so a burst of
    // 20 is counted right away, without a failed round for the ops board; the outbox timer is the fallback.
    expect(events(world, 'group.entered').filter((e) => e.state !== 'done')).toEqual([])
    await drainOutbox(world)
    const after = await groupDoc(group._id)
    expect(after.memberCount).toBe(before.memberCount)
    expect((after.activityRaw - before.activityRaw) / rawIncrement('open', openedAt)).toBeCloseTo(20, 6)
    for (const openid of people) expect((await member(group._id, openid)).entries).toBe(1)
    expect(events(world, 'group.entered').filter((e) => e.state !== 'done')).toEqual([])
  })

  it('a member opening a card with the Nth database call failing, for every N: the retry and the outbox end in one clean opening', async () => {
    // The fault suite's recordEntry fixture is a first open (it joins); this is the common case, a member.
    const family = world.as('family')
    await family.call(groupsContract, 'recordEntry', { cloudID: localCloudIdFor(CHAT) })
    const engine = world.platform.local.engine
    const checkpoint = new DbCheckpoint(world.platform)
    checkpoint.take()
    const start = world.clock.now().toISOString()
    const IGNORED = ['idempotency_keys']
    const open = (requestId: string) => world.call('groups', 'demo-family', { action: 'recordEntry', requestId, cloudID: localCloudIdFor(CHAT) })
    const settle = async () => {
      if (checkpoint.changes().some((c) => c.collection === 'outbox_events')) await drainOutbox(world)
    }

    engine.resetCallCount()
    expect(await open('clean-open')).toMatchObject({ ok: true })
    const calls = engine.callCount
    await settle()
    const reference = deltaLines(checkpoint.changes(IGNORED))
    expect(reference.some((l) => l.startsWith('household_interactions insert'))).toBe(true)

    const problems: string[] = []
    for (let n = 1; n <= calls; n++) {
      checkpoint.restore()
      world.clock.set(start)
      engine.resetCallCount()
      engine.faultHook = (_action, _params, callNumber) => {
        if (callNumber === n) throw new Error('injected fault')
      }
      const first = await open(`fault-open-${n}`).finally(() => (engine.faultHook = undefined))
      if (!first.ok && first.code !== 'INTERNAL') problems.push(`call ${n}: answered ${first.code}`)
      let retry = await open(`fault-open-${n}`)
      if (!retry.ok && retry.code === 'REQUEST.IN_PROGRESS') {
        world.clock.advance(61_000)
        retry = await open(`fault-open-${n}`)
      }
      if (!retry.ok) problems.push(`call ${n}: the retry answered ${retry.code}`)
      await settle()
      const diff = diffDeltas(reference, deltaLines(checkpoint.changes(IGNORED)))
      if (diff.length) problems.push(`call ${n}/${calls}:\n${diff.join('\n')}`)
    }
    expect(problems).toEqual([])
  })
})

describe('durable household facts: a paid order of a group member', () => {
  it('is one 社群活跃 fact even when the profile store is down at payment; the outbox records it once', async () => {
    const world = await createSandboxWorld()
    try {
      const typed = world as unknown as TypedWorld
      // The owner becomes a member by opening a card inside the group (join + entry facts).
      await callerIn(world, 'demo-owner').call(groupsContract, 'recordEntry', { cloudID: localCloudIdFor('阳光花园1–3栋业主1群') })
      const before = facts(typed, 'group_activity').length
      const [billId] = await unpaidIds(world as never)
      const orderId = await withFactsDown(typed, () => payAndConfirm(world as never, [billId]))
      const ofOrder = () => facts(typed, 'group_activity').filter((f) => f.sourceId === `order-${orderId}`)
      expect(ofOrder()).toEqual([])
      await drainOutbox(typed)
      expect(ofOrder()).toHaveLength(1)
      await replay(typed, `order.paid:${orderId}`)
      expect(ofOrder()).toHaveLength(1)
      expect(facts(typed, 'group_activity')).toHaveLength(before + 1)
    } finally {
      world.close()
    }
  })
})
