import { rid, type TestWorld } from '../../support/test-platform'
import { act, fileTicket, outbox, repairsWorld, STEWARD, TECH, ticketDoc } from './repairs-world'

const COMMUNITY = 'c-sunshine'

/** Ops removes a technician: their access ends at once, and no resident keeps waiting on them. */
describe('repairs: a technician leaves the staff', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await repairsWorld()
  })
  afterEach(() => world.close())

  /** Tickets the technician holds and has not finished (the demo seed already gives them some). */
  const held = (openid = TECH) =>
    world.platform.local.engine.store
      .scan('repair_tickets')
      .map((r) => r.doc as { assigneeOpenid: string | null; status: string })
      .filter((t) => t.assigneeOpenid === openid && ['assigned', 'accepted', 'in_progress'].includes(t.status)).length
  const removeTech = (openid = TECH) => world.console('ops', { action: 'removeStaff', requestId: rid('rm'), communityId: COMMUNITY, openid, role: 'technician' })

  it('loses every technician action at once, and an open ticket with nobody to take it is put before the steward', async () => {
    const ticketId = await fileTicket(world)
    expect((await ticketDoc(world, ticketId)).assigneeOpenid).toBe(TECH)
    const holding = held()
    expect(holding).toBeGreaterThanOrEqual(1)
    const removed = await removeTech()
    expect(removed).toMatchObject({ ok: true, data: { reassignedTickets: 0, flaggedTickets: holding } })
    // The other technician serves other buildings only: the steward is told to reassign by hand.
    expect(outbox(world, STEWARD).some((m) => m.data.thing4 === '原师傅已离岗，请尽快改派')).toBe(true)
    for (const [action, input] of [
      ['queue', {}],
      ['myDuty', {}],
      ['accept', { ticketId }],
      ['setAvailability', { available: true }],
    ] as const) {
      expect(await act(world, TECH, action, input)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    }
    expect((await ticketDoc(world, ticketId)).status).toBe('assigned')
  })

  it('hands a ticket not yet started to another available technician of the grid', async () => {
    const ticketId = await fileTicket(world)
    // A technician with no grid serves the whole community.
    await world.console('ops', { action: 'addStaff', requestId: rid('add'), communityId: COMMUNITY, openid: 'hj-new-tech', role: 'technician', name: '钱师傅' })
    expect(await act(world, TECH, 'accept', { ticketId })).toMatchObject({ ok: true })
    const startedElsewhere = world.platform.local.engine.store
      .scan('repair_tickets')
      .filter((r) => (r.doc as { assigneeOpenid: string; status: string }).assigneeOpenid === TECH && (r.doc as { status: string }).status === 'in_progress').length
    const holding = held()
    expect(await removeTech()).toMatchObject({ ok: true, data: { reassignedTickets: holding - startedElsewhere, flaggedTickets: startedElsewhere } })
    expect(held()).toBe(startedElsewhere)
    const after = await ticketDoc(world, ticketId)
    expect(after).toMatchObject({ status: 'assigned', assigneeOpenid: 'hj-new-tech', assigneeName: '钱师傅' })
    expect(after.timeline.at(-1)).toMatchObject({ by: 'system', note: '原维修师傅已离岗，系统自动改派' })
    // Running the removal's hand-over again finds nothing left to move.
    expect(await removeTech()).toMatchObject({ ok: false, code: 'STAFF.NOT_FOUND' })
    expect(await act(world, 'hj-new-tech', 'queue')).toMatchObject({ ok: true })
  })
})
