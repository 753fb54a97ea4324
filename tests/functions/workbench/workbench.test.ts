import type { TestWorld } from '../../support/test-platform'
import { act, fileTicket, OPS, OWNER, repairsWorld, STEWARD, TECH } from '../repairs/repairs-world'
import type { FnReply } from '../../../cloudfunctions/contracts/envelope'
/** The reply's data, or the test fails with the reply's code. */
const data = (r: FnReply<any>) => {
  if (!r.ok) throw new Error(`${r.code} ${r.message}`)
  return r.data
}


const board = async (world: TestWorld, openid: string) => {
  const res = await world.call('households', openid, { action: 'workbench' })
  if (!res.ok) throw new Error(`workbench failed: ${res.code} ${res.message}`)
  return data(res)
}
const MIN = 60_000

describe('households.workbench: the first screen of each staff role', () => {
  let world: TestWorld
  beforeAll(async () => {
    world = await repairsWorld()
  })
  afterAll(() => world.close())

  it('gives each caller only the boards of the roles they hold', async () => {
    expect(await board(world, OWNER)).toEqual({ technician: null, steward: null, ops: null })
    const tech = await board(world, TECH)
    expect(tech.steward).toBeNull()
    expect(tech.ops).toBeNull()
    expect(tech.technician).toMatchObject({ name: '赵工', available: true })
    const steward = await board(world, STEWARD)
    expect(steward.technician).toBeNull()
    expect(steward.steward).toMatchObject({ name: '张敏', communityName: '阳光花园', households: 180 })
    const ops = (await board(world, OPS)).ops
    expect(ops).toMatchObject({ communityName: '阳光花园' })
    // The ops home shows the same community row as the dashboard.
    const dash = await world.call('ops', OPS, { action: 'opsDashboard', communityId: ops.communityId })
    expect(ops.figures).toEqual(data(dash).rows.find((r: any) => r.scope === 'community'))
  })

  it("counts the technician's 待接单 / 处理中 / 超时 / 今日完成 as tickets move, and the queue shows them", async () => {
    // The demo seed assigns 赵工 one ticket (the kitchen sink, not yet accepted).
    let t = (await board(world, TECH)).technician
    expect(t).toMatchObject({ waiting: 1, working: 0, overdue: 0, doneToday: 0 })
    const sink = t.queue[0].id
    const leak = await fileTicket(world, OWNER)
    t = (await board(world, TECH)).technician
    expect(t).toMatchObject({ waiting: 2, working: 0 })
    expect(t.queue.map((q: any) => q.id)).toEqual([leak, sink])

    expect(await act(world, TECH, 'accept', { ticketId: sink })).toMatchObject({ ok: true })
    expect((await board(world, TECH)).technician).toMatchObject({ waiting: 1, working: 1, overdue: 0 })

    // 31 minutes later the new ticket has missed its 30-minute response SLA.
    world.clock.advance(31 * MIN)
    expect(await world.timer('repairs', 'slaCheck')).toMatchObject({ ok: true })
    t = (await board(world, TECH)).technician
    expect(t).toMatchObject({ waiting: 1, working: 1, overdue: 1 })
    expect(t.queue.find((q: any) => q.id === leak).overdue).toBe(true)
    // The steward's grid shows the same overdue ticket.
    expect((await board(world, STEWARD)).steward.repairs).toEqual({ open: 2, overdue: 1 })

    expect(await act(world, TECH, 'start', { ticketId: sink })).toMatchObject({ ok: true })
    expect(await act(world, TECH, 'complete', { ticketId: sink, note: '已疏通下水' })).toMatchObject({ ok: true })
    expect((await board(world, TECH)).technician).toMatchObject({ waiting: 1, working: 0, overdue: 1, doneToday: 1 })

    // 2026-11-22 10:31 in Shanghai → the next Shanghai day starts 13.5 h later: today's count starts over.
    world.clock.set('2026-11-22T16:00:00.000Z')
    expect((await board(world, TECH)).technician.doneToday).toBe(0)
  })

  it("shows the steward's arrears, tasks and groups the way their own pages count them", async () => {
    const s = (await board(world, STEWARD)).steward
    const arrears = await world.call('fees', STEWARD, { action: 'arrears', limit: 1 })
    expect(s.arrears).toEqual(data(arrears).summary)
    const tasks = await world.call('groups', STEWARD, { action: 'todayTasks' })
    expect(s.tasks.count).toBe(data(tasks).tasks.length)
    expect(s.tasks.top).toEqual(data(tasks).tasks.slice(0, 3))
    const groups = await world.call('groups', STEWARD, { action: 'myGroups' })
    expect(s.groups.active).toBe(data(groups).groups.filter((g: any) => g.status === 'active').length)
    expect(s.penetration).toBeCloseTo(s.boundHouseholds / s.households, 4)
  })
})
