import type { TestWorld } from '../../support/test-platform'
import { TRANSITIONS, type TransitionName } from '../../../cloudfunctions/core/repairs/repair-state-machine'
import { REPAIR_STATUSES, type RepairStatus } from '../../../cloudfunctions/contracts/repairs.contract'
import { act, OWNER, STEWARD, TECH, outbox, repairsWorld, ticketDoc, ticketIn } from './repairs-world'

/** How each transition is fired from the API, by whom, with what input. `assign` is the steward's reassign on a waiting ticket. */
const FIRE: Record<TransitionName, { openid: string; action: string; input: Record<string, unknown> }> = {
  assign: { openid: STEWARD, action: 'reassign', input: { technicianId: 's-technician' } },
  reassign: { openid: STEWARD, action: 'reassign', input: { technicianId: 's-technician' } },
  accept: { openid: TECH, action: 'accept', input: {} },
  start: { openid: TECH, action: 'start', input: {} },
  complete: { openid: TECH, action: 'complete', input: { note: '已更换密封圈' } },
  rate: { openid: OWNER, action: 'rate', input: { arrival: 4, attitude: 5, process: 4, etiquette: 5, comment: '师傅很专业' } },
  cancel: { openid: OWNER, action: 'cancel', input: { reason: '问题自己解决了' } },
  reopen: { openid: OWNER, action: 'reopen', input: { reason: '又开始漏水了' } },
}

// The reassign action fires `assign` on a submitted ticket and `reassign` otherwise; test each where it applies.
const cases: [TransitionName, RepairStatus][] = []
for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
  for (const status of REPAIR_STATUSES) {
    if (name === 'assign' && status !== 'submitted') continue
    if (name === 'reassign' && status === 'submitted') continue
    cases.push([name, status])
  }
}

describe('repair ticket state machine, through the repairs function', () => {
  let world: TestWorld
  beforeAll(async () => {
    world = await repairsWorld()
  })
  afterAll(() => world.close())

  it.each(cases)('%s from %s', async (name, from) => {
    const id = await ticketIn(world, from)
    const before = await ticketDoc(world, id)
    const rule = TRANSITIONS[name]
    const legal = (rule.from as readonly RepairStatus[]).includes(from)
    const { openid, action, input } = FIRE[name]
    const res = await act(world, openid, action, { ticketId: id, ...input })
    const after = await ticketDoc(world, id)
    if (legal) {
      expect(res).toEqual({ ok: true, data: { ticketId: id, status: rule.to } })
      expect(after.status).toBe(rule.to)
      expect(after.rev).toBe(before.rev + 1)
      expect(after.timeline).toHaveLength(before.timeline.length + 1)
    } else {
      // A waiting ticket has no assignee yet, so no technician has any relation to it: forbidden, not illegal.
      const techOnUnassigned = from === 'submitted' && FIRE[name].openid === TECH
      const code = techOnUnassigned ? 'AUTH.FORBIDDEN' : name === 'rate' && from === 'rated' ? 'REPAIR.ALREADY_RATED' : 'REPAIR.ILLEGAL_TRANSITION'
      expect(res).toMatchObject({ ok: false, code })
      expect(after).toEqual(before)
    }
  })

  it('a resident hears about dispatch, acceptance, arrival and completion — not about their own cancel', async () => {
    const id = await ticketIn(world, 'assigned')
    const cardsFor = () => outbox(world, OWNER).filter((m) => m.page?.endsWith(id)).map((m) => m.data.phrase2)
    expect(cardsFor()).toEqual(['已派单'])
    for (const [who, action, input] of [[TECH, 'accept', {}], [TECH, 'start', {}], [TECH, 'complete', { note: '已处理' }]] as const) {
      expect((await act(world, who, action, { ticketId: id, ...input })).ok).toBe(true)
    }
    expect(cardsFor()).toEqual(['已派单', '已接单', '维修中', '已完成'])
    const other = await ticketIn(world, 'assigned')
    const techCards = outbox(world, TECH).filter((m) => m.page?.endsWith(other)).length
    await act(world, OWNER, 'cancel', { ticketId: other })
    expect(outbox(world, OWNER).filter((m) => m.page?.endsWith(other)).map((m) => m.data.phrase2)).toEqual(['已派单'])
    expect(outbox(world, TECH).filter((m) => m.page?.endsWith(other))).toHaveLength(techCards + 1)
  })

  it('of two racing accepts of the same ticket exactly one wins', async () => {
    const id = await ticketIn(world, 'assigned')
    const replies = await Promise.all([act(world, TECH, 'accept', { ticketId: id }), act(world, TECH, 'accept', { ticketId: id })])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.find((r) => !r.ok)).toMatchObject({ code: 'REPAIR.ILLEGAL_TRANSITION' })
    expect((await ticketDoc(world, id)).timeline.filter((e) => e.action === 'accepted')).toHaveLength(1)
  })

  it('the detail offers exactly the actions the state machine allows the viewer', async () => {
    const id = await ticketIn(world, 'accepted')
    const owner = await world.call('repairs', OWNER, { action: 'detail', ticketId: id })
    const tech = await world.call('repairs', TECH, { action: 'detail', ticketId: id })
    const steward = await world.call('repairs', STEWARD, { action: 'detail', ticketId: id })
    expect(owner.ok && owner.data.viewerActions).toEqual(['cancel'])
    expect(tech.ok && tech.data.viewerActions).toEqual(['start'])
    expect(steward.ok && steward.data.viewerActions).toEqual(['reassign'])
  })
})
