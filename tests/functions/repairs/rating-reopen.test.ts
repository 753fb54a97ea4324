import { dumpDatabase, type TestWorld } from '../../support/test-platform'
import { REPAIR_COLLECTIONS, type SatisfactionDoc } from '../../../cloudfunctions/core/repairs/repair.model'
import { act, OPS, OWNER, STEWARD, STEWARD2, TECH, repairsWorld, ticketDoc, ticketIn } from './repairs-world'

const DAY = 86400_000
const rating = (n: number) => ({ arrival: n, attitude: n, process: n, etiquette: n })

function rollups(world: TestWorld): SatisfactionDoc[] {
  return world.platform.local.engine.store.scan(REPAIR_COLLECTIONS.satisfaction).map((r) => r.doc as unknown as SatisfactionDoc)
}

describe('rating and satisfaction rollups', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await repairsWorld()
  })
  afterEach(() => world.close())

  it('a rating moves the steward and community figures, all-time and for the month', async () => {
    const before = await world.call('repairs', STEWARD, { action: 'satisfaction' })
    expect(before.ok && before.data.steward.all.count).toBe(0)
    const a = await ticketIn(world, 'completed')
    const b = await ticketIn(world, 'completed')
    expect(await act(world, OWNER, 'rate', { ticketId: a, arrival: 5, attitude: 4, process: 3, etiquette: 5, comment: '很及时' })).toMatchObject({ ok: true, data: { status: 'rated' } })
    expect((await act(world, OWNER, 'rate', { ticketId: b, ...rating(2) })).ok).toBe(true)
    const after = await world.call('repairs', STEWARD, { action: 'satisfaction' })
    const expected = { count: 2, arrival: 3.5, attitude: 3, process: 2.5, etiquette: 3.5, overall: 3.13 }
    expect(after.ok && after.data).toMatchObject({ month: '2026-11', steward: { all: expected, month: expected }, community: { communityId: 'c-sunshine', all: expected } })
    // another grid's steward is not credited; ops see the community figure
    const other = await world.call('repairs', STEWARD2, { action: 'satisfaction' })
    expect(other.ok && other.data.steward.all.count).toBe(0)
    const ops = await world.call('repairs', OPS, { action: 'satisfaction' })
    expect(ops.ok && ops.data).toMatchObject({ steward: null, community: { all: expected } })
  })

  it('rating twice is refused and changes nothing', async () => {
    const id = await ticketIn(world, 'completed')
    expect((await act(world, OWNER, 'rate', { ticketId: id, ...rating(5) })).ok).toBe(true)
    const before = dumpDatabase(world.platform)
    expect(await act(world, OWNER, 'rate', { ticketId: id, ...rating(1) })).toMatchObject({ ok: false, code: 'REPAIR.ALREADY_RATED' })
    expect(dumpDatabase(world.platform)).toEqual(before)
    expect(rollups(world).find((r) => r.scope === 'community' && r.period === 'all')).toMatchObject({ count: 1, sums: { arrival: 5 } })
  })

  it('two ratings racing on one ticket: one counts, the other is refused', async () => {
    const id = await ticketIn(world, 'completed')
    const replies = await Promise.all([act(world, OWNER, 'rate', { ticketId: id, ...rating(5) }), act(world, OWNER, 'rate', { ticketId: id, ...rating(1) })])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.find((r) => !r.ok)).toMatchObject({ code: expect.stringMatching(/^(REPAIR.ALREADY_RATED|REPAIR.ILLEGAL_TRANSITION|CONFLICT)$/) })
    const all = rollups(world).filter((r) => r.period === 'all')
    expect(all.map((r) => r.count)).toEqual([1, 1])
  })

  it('a rating with a score outside 1–5 is refused before anything is written', async () => {
    const id = await ticketIn(world, 'completed')
    const before = dumpDatabase(world.platform)
    expect(await act(world, OWNER, 'rate', { ticketId: id, ...rating(5), attitude: 6 })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(await act(world, OWNER, 'rate', { ticketId: id, ...rating(5), process: 3.5 })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('a rated ticket that is reopened and finished again cannot be rated a second time', async () => {
    const id = await ticketIn(world, 'rated')
    expect((await act(world, OWNER, 'reopen', { ticketId: id, reason: '又坏了' })).ok).toBe(true)
    for (const [action, input] of [['accept', {}], ['start', {}], ['complete', { note: '彻底修好' }]] as const) expect((await act(world, TECH, action, { ticketId: id, ...input })).ok).toBe(true)
    const detail = await world.call('repairs', OWNER, { action: 'detail', ticketId: id })
    expect(detail.ok && detail.data.viewerActions).toEqual(['reopen'])
    expect(await act(world, OWNER, 'rate', { ticketId: id, ...rating(1) })).toMatchObject({ ok: false, code: 'REPAIR.ALREADY_RATED' })
  })
})

describe('reopening', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await repairsWorld()
  })
  afterEach(() => world.close())

  it('within 7 days of completion the ticket goes back to its technician with a fresh respond clock', async () => {
    const id = await ticketIn(world, 'completed')
    world.clock.advance(6 * DAY + 23 * 3600_000)
    const res = await act(world, OWNER, 'reopen', { ticketId: id, reason: '还是漏水' })
    expect(res).toMatchObject({ ok: true, data: { status: 'assigned' } })
    const t = await ticketDoc(world, id)
    expect(t).toMatchObject({ assigneeOpenid: TECH, reopenCount: 1, slaWatch: 'respond', completedAt: null })
    expect(new Date(t.respondDueAt).getTime()).toBe(world.clock.now().getTime() + 30 * 60_000)
    expect(t.timeline.at(-1)).toMatchObject({ action: 'reopened', by: 'resident', note: '还是漏水' })
  })

  it('after 7 days it is refused and nothing changes', async () => {
    const id = await ticketIn(world, 'rated')
    world.clock.advance(7 * DAY + 60_000)
    const before = dumpDatabase(world.platform)
    expect(await act(world, OWNER, 'reopen', { ticketId: id, reason: '又坏了' })).toMatchObject({ ok: false, code: 'REPAIR.REOPEN_EXPIRED' })
    expect(dumpDatabase(world.platform)).toEqual(before)
    const detail = await world.call('repairs', OWNER, { action: 'detail', ticketId: id })
    expect(detail.ok && detail.data.viewerActions).toEqual([])
  })
})
