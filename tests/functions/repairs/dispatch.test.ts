import type { TestWorld } from '../../support/test-platform'
import { REPAIR_COLLECTIONS } from '../../../cloudfunctions/core/repairs/repair.model'
import { act, fileTicket, OPS, OWNER, STEWARD, TECH, TECH2, outbox, repairsWorld, ticketDoc } from './repairs-world'

/** Lets 孙工 (seeded for grid 2 only) serve the whole community, so both technicians are in building 1's pool. */
function bothServeEverywhere(world: TestWorld) {
  const store = world.platform.local.engine.store
  const row = store.getById(REPAIR_COLLECTIONS.technicians, TECH2)!
  store.replace(REPAIR_COLLECTIONS.technicians, TECH2, { ...row.doc, gridIds: [] })
}

describe('dispatch', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await repairsWorld()
  })
  afterEach(() => world.close())

  it('only technicians of the building’s grid (or of the whole community) are in the pool', async () => {
    for (let i = 0; i < 3; i++) expect((await ticketDoc(world, await fileTicket(world))).assigneeOpenid).toBe(TECH)
  })

  it('takes turns round robin, longest-idle first, even when tickets arrive in the same millisecond', async () => {
    bothServeEverywhere(world)
    const ids = []
    for (let i = 0; i < 4; i++) ids.push(await fileTicket(world))
    const assignees = await Promise.all(ids.map(async (id) => (await ticketDoc(world, id)).assigneeOpenid))
    // the seed has 孙工 idle for 3 h and 赵工 for 10 min
    expect(assignees).toEqual([TECH2, TECH, TECH2, TECH])
  })

  it('concurrent filings are spread over the technicians, not piled on one', async () => {
    bothServeEverywhere(world)
    const ids = await Promise.all(Array.from({ length: 6 }, () => fileTicket(world)))
    const assignees = await Promise.all(ids.map(async (id) => (await ticketDoc(world, id)).assigneeOpenid))
    expect(assignees.filter((a) => a === TECH)).toHaveLength(3)
    expect(assignees.filter((a) => a === TECH2)).toHaveLength(3)
  })

  it('skips technicians who are off duty', async () => {
    bothServeEverywhere(world)
    expect(await act(world, TECH2, 'setAvailability', { available: false })).toEqual({ ok: true, data: { available: false } })
    for (let i = 0; i < 3; i++) expect((await ticketDoc(world, await fileTicket(world))).assigneeOpenid).toBe(TECH)
    const list = await world.call('repairs', STEWARD, { action: 'technicians' })
    expect(list.ok && list.data.items).toEqual([
      { technicianId: 's-technician', name: '赵工', available: true, openTickets: 4 },
      { technicianId: 's-technician-2', name: '孙工', available: false, openTickets: 1 },
    ])
  })

  it('with nobody available the ticket waits as submitted and the steward and ops are asked to dispatch', async () => {
    await act(world, TECH, 'setAvailability', { available: false })
    const id = await fileTicket(world)
    expect(await ticketDoc(world, id)).toMatchObject({ status: 'submitted', assigneeOpenid: null })
    const asked = outbox(world).filter((m) => m.page?.endsWith(id)).map((m) => m.toOpenid).sort()
    expect(asked).toEqual([OPS, STEWARD].sort())
    expect(await act(world, STEWARD, 'reassign', { ticketId: id, technicianId: 's-technician' })).toMatchObject({ ok: false, code: 'REPAIR.TECHNICIAN_UNAVAILABLE' })
    expect(await act(world, STEWARD, 'reassign', { ticketId: id, technicianId: 's-technician-2', note: '赵工休假，孙工代班' })).toMatchObject({ ok: true, data: { status: 'assigned' } })
    const t = await ticketDoc(world, id)
    expect(t).toMatchObject({ assigneeOpenid: TECH2, assigneeName: '孙工' })
    expect(t.timeline.at(-1)).toMatchObject({ action: 'assigned', by: 'steward', technicianName: '孙工', note: '赵工休假，孙工代班' })
    expect(outbox(world, OWNER).filter((m) => m.page?.endsWith(id)).map((m) => m.data.phrase2)).toEqual(['已派单'])
  })

  it('a reassignment tells both technicians and the resident', async () => {
    const id = await fileTicket(world)
    await act(world, TECH, 'accept', { ticketId: id })
    expect(await act(world, STEWARD, 'reassign', { ticketId: id, technicianId: 's-technician-2' })).toMatchObject({ ok: true, data: { status: 'assigned' } })
    const last = (openid: string) => outbox(world, openid).filter((m) => m.page?.endsWith(id)).at(-1)?.data.thing4
    expect(last(TECH)).toBe('该工单已改派给其他师傅')
    expect(last(TECH2)).toContain('改派')
    expect(last(OWNER)).toContain('孙工')
    expect(await ticketDoc(world, id)).toMatchObject({ promisedStart: null, slaWatch: 'respond' })
  })

  it('an unknown technician id is refused', async () => {
    const id = await fileTicket(world)
    expect(await act(world, STEWARD, 'reassign', { ticketId: id, technicianId: 's-ops' })).toMatchObject({ ok: false, code: 'REPAIR.TECHNICIAN_UNAVAILABLE' })
  })

  it('setAvailability is for technicians only', async () => {
    expect(await act(world, OWNER, 'setAvailability', { available: false })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })
})
