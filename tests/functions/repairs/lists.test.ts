import type { TestWorld } from '../../support/test-platform'
import { REPAIR_COLLECTIONS } from '../../../cloudfunctions/core/repairs/repair.model'
import { HOUSEHOLD, OWNER, TECH, act, repairsWorld, ticketIn } from './repairs-world'

describe('ticket lists and retries', () => {
  let world: TestWorld
  beforeAll(async () => {
    world = await repairsWorld()
  })
  afterAll(() => world.close())
  const ids = (res: { ok: boolean; data?: { items: { id: string }[] } }) => (res.ok ? res.data!.items.map((i) => i.id) : [])

  it('a retried create with the same request id files one ticket and answers the same', async () => {
    const event = { action: 'create', requestId: 'req-create-retry-1', place: { kind: 'household', householdId: HOUSEHOLD }, category: 'appliance', description: '热水器打不着火' }
    const first = await world.call('repairs', OWNER, event)
    const again = await world.call('repairs', OWNER, event)
    expect(again).toEqual(first)
    const count = world.platform.local.engine.store.scan(REPAIR_COLLECTIONS.tickets).filter((r) => (r.doc as { description: string }).description === '热水器打不着火').length
    expect(count).toBe(1)
  })

  it('the resident sees their tickets newest first, split into open and closed', async () => {
    world.clock.advance(60_000)
    const open = await ticketIn(world, 'accepted')
    world.clock.advance(60_000)
    const closed = await ticketIn(world, 'cancelled')
    const all = await world.call('repairs', OWNER, { action: 'mine' })
    expect(ids(all).slice(0, 2)).toEqual([closed, open])
    expect(ids(await world.call('repairs', OWNER, { action: 'mine', filter: 'open' }))).toContain(open)
    expect(ids(await world.call('repairs', OWNER, { action: 'mine', filter: 'open' }))).not.toContain(closed)
    expect(ids(await world.call('repairs', OWNER, { action: 'mine', filter: 'closed' }))).toContain(closed)
    const page = await world.call('repairs', OWNER, { action: 'mine', limit: 2 })
    expect(page.ok && page.data).toMatchObject({ hasMore: true })
    expect(ids(page)).toHaveLength(2)
  })

  it('the technician’s queue holds active work; finished work moves to done', async () => {
    const active = await ticketIn(world, 'in_progress')
    const done = await ticketIn(world, 'completed')
    expect(ids(await world.call('repairs', TECH, { action: 'queue' }))).toContain(active)
    expect(ids(await world.call('repairs', TECH, { action: 'queue' }))).not.toContain(done)
    expect(ids(await world.call('repairs', TECH, { action: 'queue', filter: 'done' }))).toContain(done)
  })

  it('a preferred time window must make sense', async () => {
    const now = world.clock.now().getTime()
    const iso = (ms: number) => new Date(now + ms).toISOString()
    const base = { place: { kind: 'household', householdId: HOUSEHOLD }, category: 'other', description: '门口灯不亮了' }
    expect(await act(world, OWNER, 'create', { ...base, preferredWindow: { start: iso(3600_000), end: iso(1800_000) } })).toMatchObject({ code: 'REPAIR.BAD_TIME_WINDOW' })
    expect(await act(world, OWNER, 'create', { ...base, preferredWindow: { start: iso(-7200_000), end: iso(-3600_000) } })).toMatchObject({ code: 'REPAIR.BAD_TIME_WINDOW' })
    expect(await act(world, OWNER, 'create', { ...base, preferredWindow: { start: iso(40 * 86400_000), end: iso(40 * 86400_000 + 3600_000) } })).toMatchObject({ code: 'REPAIR.BAD_TIME_WINDOW' })
    const ok = await act(world, OWNER, 'create', { ...base, preferredWindow: { start: iso(3600_000), end: iso(3 * 3600_000) } })
    expect(ok.ok).toBe(true)
    // accepting without a promise adopts the resident's window
    const id = ok.ok ? ok.data.ticketId : ''
    await act(world, TECH, 'accept', { ticketId: id })
    const d = await world.call('repairs', OWNER, { action: 'detail', ticketId: id })
    expect(d.ok && d.data.promisedWindow).toEqual({ start: iso(3600_000), end: iso(3 * 3600_000) })
  })
})
