import { createTestWorld, rid, type TestWorld } from '../../support/test-platform'
import { notify } from '../../../cloudfunctions/core/notify/notify.service'

const OWNER_HOME = 'h-1-1-101'

/** 消息中心: every notice the backend sends lands in the receiver's inbox once, and only theirs. */
describe('households: inbox (消息中心)', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await createTestWorld({ seed: true })
  })
  afterEach(() => world.close())

  const inbox = (openid: string, limit = 20) => world.call('households', openid, { action: 'inbox', limit })
  const unreadOf = async (openid: string) => {
    const r = await inbox(openid)
    if (!r.ok) throw new Error(r.message)
    return r.data.unread as number
  }

  it('tells the owner of a pending join request once, with a link to the members page', async () => {
    const before = await unreadOf('demo-owner')
    const inv = await world.call('households', 'demo-owner', { action: 'createInvite', requestId: rid('inv'), householdId: OWNER_HOME, role: 'tenant' })
    if (!inv.ok) throw new Error(inv.message)
    const requestId = rid('acc')
    const acc = await world.call('households', 'demo-unbound', { action: 'acceptInvite', requestId, code: inv.data.code, nickname: '小李' })
    expect(acc).toMatchObject({ ok: true, data: { status: 'pending' } })
    // A retried accept (lost reply) answers from the first call and tells nobody twice.
    await world.call('households', 'demo-unbound', { action: 'acceptInvite', requestId, code: inv.data.code, nickname: '小李' })

    const r = await inbox('demo-owner')
    if (!r.ok) throw new Error(r.message)
    expect(r.data.unread).toBe(before + 1)
    const join = r.data.items.filter((m: { title: string }) => m.title === '入户申请待审核')
    expect(join).toHaveLength(1)
    expect(join[0]).toMatchObject({ read: false, page: `packages/households/pages/members/index?householdId=${OWNER_HOME}` })
    expect(join[0].body).toContain('小李（租户）申请加入')
    expect(join[0].body).toContain('阳光花园 1栋1单元101')
    // The applicant is told nothing, and sees none of the owner's messages.
    expect(((await inbox('demo-unbound')) as { data: { items: unknown[] } }).data.items).toHaveLength(0)
  })

  it('holds a message even when WeChat refuses the card, newest first; reading is per person', async () => {
    const send = (key: string, minutes: number) => {
      world.clock.advance(minutes * 60_000)
      return notify(world.platform, { toOpenid: 'demo-family', template: 'repair_status', page: 'packages/repairs/pages/detail/index?id=t1', data: { phrase1: '已派单', thing2: '厨房水管' }, dedupeKey: key })
    }
    await send('t:1', 1)
    await send('t:2', 1)
    await send('t:2', 1) // same key: once
    const r = await inbox('demo-family')
    if (!r.ok) throw new Error(r.message)
    expect(r.data.items.map((m: { id: string }) => m.id)).toEqual(['t:2', 't:1'])
    expect(r.data.items[0]).toMatchObject({ title: '报修进度', body: '已派单 · 厨房水管' })
    expect(r.data.unread).toBe(2)

    // Someone else naming these ids changes nothing.
    const other = await world.call('households', 'demo-owner', { action: 'inboxRead', requestId: rid('rd'), ids: ['t:1', 't:2'] })
    expect(other).toMatchObject({ ok: true, data: { updated: 0 } })
    expect(await unreadOf('demo-family')).toBe(2)

    expect(await world.call('households', 'demo-family', { action: 'inboxRead', requestId: rid('rd'), ids: ['t:1'] })).toMatchObject({ ok: true, data: { updated: 1 } })
    expect(await unreadOf('demo-family')).toBe(1)
    expect(await world.call('households', 'demo-family', { action: 'inboxRead', requestId: rid('rd'), ids: 'all' })).toMatchObject({ ok: true, data: { updated: 1 } })
    expect(await unreadOf('demo-family')).toBe(0)
  })

  it('refuses a malformed message id before writing anything', async () => {
    const r = await world.call('households', 'demo-owner', { action: 'inboxRead', requestId: rid('rd'), ids: ['a b'] })
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
  })
})
