import type { TestWorld } from '../../support/test-platform'
import { REPAIR_COLLECTIONS } from '../../../cloudfunctions/core/repairs/repair.model'
import { act, OPS, OWNER, STEWARD, TECH, outbox, repairsWorld, ticketDoc, ticketIn } from './repairs-world'

const MIN = 60_000
const overdueCards = (world: TestWorld, id: string) => outbox(world).filter((m) => m.template === 'repair_overdue' && m.page?.endsWith(id))

describe('SLA timer (slaCheck)', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await repairsWorld()
  })
  afterEach(() => world.close())

  it('leaves tickets alone until the 30 minutes are up', async () => {
    const id = await ticketIn(world, 'assigned')
    world.clock.advance(29 * MIN)
    expect(await world.timer('repairs', 'slaCheck')).toMatchObject({ ok: true })
    expect(await ticketDoc(world, id)).toMatchObject({ overdue: false, slaWatch: 'respond' })
  })

  it('run twice, flags an unaccepted ticket once and tells its steward and ops once', async () => {
    const id = await ticketIn(world, 'assigned')
    world.clock.advance(31 * MIN)
    const first = await world.timer('repairs', 'slaCheck')
    const second = await world.timer('repairs', 'slaCheck')
    expect(first.ok && first.data.flagged).toBeGreaterThanOrEqual(1)
    expect(second).toEqual({ ok: true, data: { flagged: 0, alertsSent: 0, resumed: 0 } })
    const t = await ticketDoc(world, id)
    expect(t).toMatchObject({ overdue: true, slaWatch: null, slaAlert: null, status: 'assigned' })
    expect(t.timeline.filter((e) => e.action === 'overdue')).toHaveLength(1)
    expect(overdueCards(world, id).map((m) => [m.toOpenid, m.data.phrase3]).sort()).toEqual([
      [STEWARD, '接单超时'],
      [OPS, '接单超时'],
    ].sort())
    const list = await world.call('repairs', STEWARD, { action: 'gridTickets', filter: 'overdue' })
    expect(list.ok && list.data.items.map((i: { id: string }) => i.id)).toContain(id)
  })

  it('two runs at the same moment still flag once', async () => {
    const id = await ticketIn(world, 'assigned')
    world.clock.advance(31 * MIN)
    const runs = await Promise.all([world.timer('repairs', 'slaCheck'), world.timer('repairs', 'slaCheck')])
    expect(runs.every((r) => r.ok)).toBe(true)
    expect((await ticketDoc(world, id)).timeline.filter((e) => e.action === 'overdue')).toHaveLength(1)
    expect(overdueCards(world, id)).toHaveLength(2)
  })

  it('flags a missed arrival window after acceptance, and clears the overdue flag when the work is done', async () => {
    const id = await ticketIn(world, 'assigned')
    const start = new Date(world.clock.now().getTime() + 10 * MIN).toISOString()
    const end = new Date(world.clock.now().getTime() + 70 * MIN).toISOString()
    expect((await act(world, TECH, 'accept', { ticketId: id, promisedWindow: { start, end } })).ok).toBe(true)
    world.clock.advance(71 * MIN)
    await world.timer('repairs', 'slaCheck')
    expect(overdueCards(world, id).map((m) => m.data.phrase3)).toEqual(['上门超时', '上门超时'])
    expect((await ticketDoc(world, id)).breaches.arrive).toBeDefined()
    await act(world, TECH, 'start', { ticketId: id })
    await act(world, TECH, 'complete', { ticketId: id, note: '已修好' })
    expect(await ticketDoc(world, id)).toMatchObject({ overdue: false })
    const list = await world.call('repairs', STEWARD, { action: 'gridTickets', filter: 'overdue' })
    expect(list.ok && list.data.items.map((i: { id: string }) => i.id)).not.toContain(id)
  })

  it('a ticket accepted in time is never flagged', async () => {
    const id = await ticketIn(world, 'assigned')
    world.clock.advance(20 * MIN)
    await act(world, TECH, 'accept', { ticketId: id })
    await act(world, TECH, 'start', { ticketId: id })
    world.clock.advance(5 * 3600_000)
    await world.timer('repairs', 'slaCheck')
    expect(await ticketDoc(world, id)).toMatchObject({ overdue: false, breaches: {} })
    expect(overdueCards(world, id)).toHaveLength(0)
  })

  it('resumes: alerts of a run that died after flagging go out on the next run, once', async () => {
    const id = await ticketIn(world, 'assigned')
    world.clock.advance(31 * MIN)
    const engine = world.platform.local.engine
    // Die at the first notification write, i.e. right after the flag was committed.
    engine.faultHook = (action, params) => {
      if (action === 'database.insertDocument' && params.collectionName === 'notify_log') throw new Error('container killed')
    }
    await world.timer('repairs', 'slaCheck')
    engine.faultHook = undefined
    expect(await ticketDoc(world, id)).toMatchObject({ overdue: true, slaAlert: 'respond' })
    expect(overdueCards(world, id)).toHaveLength(0)
    const resumed = await world.timer('repairs', 'slaCheck')
    expect(resumed.ok && resumed.data).toMatchObject({ flagged: 0, resumed: expect.any(Number) })
    expect(overdueCards(world, id)).toHaveLength(2)
    expect(await ticketDoc(world, id)).toMatchObject({ slaAlert: null })
    await world.timer('repairs', 'slaCheck')
    expect(overdueCards(world, id)).toHaveLength(2)
  })

  it('an unassigned ticket also breaches and a resident is never the one alerted', async () => {
    const id = await ticketIn(world, 'submitted')
    world.clock.advance(31 * MIN)
    await world.timer('repairs', 'slaCheck')
    expect((await ticketDoc(world, id)).overdue).toBe(true)
    expect(outbox(world, OWNER).filter((m) => m.template === 'repair_overdue')).toHaveLength(0)
    expect(world.platform.local.engine.store.scan(REPAIR_COLLECTIONS.tickets).length).toBeGreaterThan(0)
  })
})
