import { dumpDatabase, type TestWorld } from '../../support/test-platform'
import { act, FAMILY, fileTicket, OPS, OWNER, STEWARD, STEWARD2, TECH, TECH2, VISITOR, repairsWorld, ticketIn } from './repairs-world'

describe('repairs authorization (core/auth policy)', () => {
  let world: TestWorld
  beforeAll(async () => {
    world = await repairsWorld()
  })
  afterAll(() => world.close())

  it.each([
    ['accept', 'assigned', {}],
    ['start', 'accepted', {}],
    ['complete', 'in_progress', { note: '不是我的单' }],
  ] as const)('a technician cannot %s a ticket assigned to someone else, and nothing is written', async (action, status, input) => {
    const id = await ticketIn(world, status)
    const before = dumpDatabase(world.platform)
    const res = await act(world, TECH2, action, { ticketId: id, ...input })
    expect(res).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('a technician cannot even read a ticket that is not theirs, nor find it in their queue', async () => {
    const id = await ticketIn(world, 'assigned')
    expect(await world.call('repairs', TECH2, { action: 'detail', ticketId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const queue = await world.call('repairs', TECH2, { action: 'queue' })
    expect(queue.ok && queue.data.items.map((t: { id: string }) => t.id)).not.toContain(id)
  })

  it('a reassigned technician loses the ticket at once', async () => {
    const id = await ticketIn(world, 'assigned')
    expect((await act(world, STEWARD, 'reassign', { ticketId: id, technicianId: 's-technician-2' })).ok).toBe(true)
    expect(await act(world, TECH, 'accept', { ticketId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await act(world, TECH2, 'accept', { ticketId: id })).toMatchObject({ ok: true, data: { status: 'accepted' } })
  })

  it('people outside every household are refused by the audience gate before the ticket is read, so ids cannot be probed', async () => {
    const id = await ticketIn(world, 'assigned')
    for (const openid of [VISITOR, 'demo-unbound']) {
      // The same answer for a real ticket and a made-up id: nothing tells them apart.
      for (const ticketId of [id, 'tk-does-not-exist']) {
        expect(await world.call('repairs', openid, { action: 'detail', ticketId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
        expect(await act(world, openid, 'cancel', { ticketId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
      }
    }
  })

  it('any member of the household may follow and cancel its ticket; staff may not act as the resident', async () => {
    const id = await ticketIn(world, 'assigned')
    const seen = await world.call('repairs', FAMILY, { action: 'detail', ticketId: id })
    expect(seen.ok && seen.data.viewerActions).toEqual(['cancel'])
    expect(await act(world, TECH, 'cancel', { ticketId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await act(world, STEWARD, 'cancel', { ticketId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await act(world, FAMILY, 'cancel', { ticketId: id })).toMatchObject({ ok: true, data: { status: 'cancelled' } })
  })

  it('residents cannot do the technician’s or the steward’s part', async () => {
    const id = await ticketIn(world, 'assigned')
    expect(await act(world, OWNER, 'accept', { ticketId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await act(world, OWNER, 'reassign', { ticketId: id, technicianId: 's-technician' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('repairs', OWNER, { action: 'technicians' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  it('a steward dispatches only in their grid; ops across the community', async () => {
    const id = await ticketIn(world, 'assigned')
    expect(await act(world, STEWARD2, 'reassign', { ticketId: id, technicianId: 's-technician-2' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const grid2 = await world.call('repairs', STEWARD2, { action: 'gridTickets', filter: 'open' })
    expect(grid2.ok && grid2.data.items.map((t: { id: string }) => t.id)).not.toContain(id)
    const grid1 = await world.call('repairs', STEWARD, { action: 'gridTickets', filter: 'open' })
    expect(grid1.ok && grid1.data.items.map((t: { id: string }) => t.id)).toContain(id)
    expect(await act(world, OPS, 'reassign', { ticketId: id, technicianId: 's-technician-2' })).toMatchObject({ ok: true, data: { status: 'assigned' } })
  })

  it('a resident can only file for their own household or their own community', async () => {
    const before = dumpDatabase(world.platform)
    const other = await act(world, OWNER, 'create', { place: { kind: 'household', householdId: 'h-2-1-301' }, category: 'other', description: '邻居家漏水到我家' })
    expect(other).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const outsider = await act(world, VISITOR, 'create', { place: { kind: 'public', communityId: 'c-sunshine', area: '东门道闸' }, category: 'public_facility', description: '道闸抬杆不动' })
    expect(outsider).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('a public-area ticket goes to the building’s grid and the filer follows it', async () => {
    const id = await fileTicket(world, OWNER, { place: { kind: 'public', communityId: 'c-sunshine', buildingId: 'b-5', area: '地下车库入口' }, category: 'public_facility', description: '车库入口灯坏了，晚上很黑' })
    const mine = await world.call('repairs', OWNER, { action: 'detail', ticketId: id })
    expect(mine.ok && mine.data).toMatchObject({ placeLabel: '5栋 地下车库入口', assigneeName: '孙工' })
    const grid2 = await world.call('repairs', STEWARD2, { action: 'gridTickets', filter: 'open' })
    expect(grid2.ok && grid2.data.items.map((t: { id: string }) => t.id)).toContain(id)
    expect(await world.call('repairs', FAMILY, { action: 'detail', ticketId: id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
