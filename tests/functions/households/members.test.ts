import { createTestWorld, dumpDatabase, rid, type TestWorld } from '../../support/test-platform'

const OWNER_HOME = 'h-1-1-101'

describe('households: invites, approval, removal, current household', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await createTestWorld({ seed: true })
  })
  afterEach(() => world.close())

  const invite = (openid = 'demo-owner', role = 'family', householdId = OWNER_HOME) =>
    world.call('households', openid, { action: 'createInvite', requestId: rid('inv'), householdId, role })
  const accept = (openid: string, code: string, nickname?: string) =>
    world.call('households', openid, { action: 'acceptInvite', requestId: rid('acc'), code, ...(nickname ? { nickname } : {}) })
  const members = (openid: string, householdId = OWNER_HOME) => world.call('households', openid, { action: 'members', householdId })

  async function inviteAndAccept(openid: string, role = 'family') {
    const inv = await invite('demo-owner', role)
    if (!inv.ok) throw new Error(inv.message)
    const acc = await accept(openid, inv.data.code, '小王')
    if (!acc.ok) throw new Error(acc.message)
    return acc.data.memberId as string
  }

  it('owner invites, the invitee accepts (pending, no access yet), the owner approves (access)', async () => {
    const inv = await invite('demo-owner', 'tenant')
    expect(inv).toMatchObject({ ok: true, data: { role: 'tenant', householdLabel: '阳光花园 1栋1单元101' } })
    if (!inv.ok) return
    expect(inv.data.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(inv.data.sharePath).toBe(`/packages/households/pages/invite/index?code=${inv.data.code}`)
    expect(Date.parse(inv.data.expiresAt) - world.clock.now().getTime()).toBe(24 * 3600_000)

    const info = await world.call('households', 'demo-unbound', { action: 'inviteInfo', code: inv.data.code.toLowerCase() })
    expect(info).toMatchObject({ ok: true, data: { householdLabel: '阳光花园 1栋1单元101', role: 'tenant', status: 'open', alreadyMember: false } })

    const acc = await accept('demo-unbound', inv.data.code, '小李')
    expect(acc).toMatchObject({ ok: true, data: { householdId: OWNER_HOME, status: 'pending' } })
    if (!acc.ok) return
    expect(await members('demo-unbound')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const pending = await members('demo-owner')
    expect(pending.ok && pending.data.members).toContainEqual(expect.objectContaining({ memberId: acc.data.memberId, status: 'pending', role: 'tenant', nickname: '小李' }))

    expect(await world.call('households', 'demo-owner', { action: 'approveMember', requestId: rid(), householdId: OWNER_HOME, memberId: acc.data.memberId })).toMatchObject({
      ok: true,
      data: { status: 'active' },
    })
    const me = await world.call('households', 'demo-unbound', { action: 'me' })
    expect(me.ok && me.data.households).toEqual([expect.objectContaining({ householdId: OWNER_HOME, role: 'tenant' })])
    const seen = await members('demo-unbound')
    expect(seen).toMatchObject({ ok: true, data: { canManage: false } })
    expect(seen.ok && seen.data.members.map((m: { role: string }) => m.role)).toEqual(['owner', 'family', 'tenant'])
  })

  it('an invite is one-time: a second person using the same code gets INVITE.USED', async () => {
    const inv = await invite()
    if (!inv.ok) throw new Error(inv.message)
    expect(await accept('demo-unbound', inv.data.code)).toMatchObject({ ok: true })
    expect(await accept('demo-visitor', inv.data.code)).toMatchObject({ ok: false, code: 'INVITE.USED' })
    const info = await world.call('households', 'demo-visitor', { action: 'inviteInfo', code: inv.data.code })
    expect(info).toMatchObject({ ok: true, data: { status: 'used' } })
  })

  it('two people racing for one code: exactly one gets in', async () => {
    const inv = await invite()
    if (!inv.ok) throw new Error(inv.message)
    const results = await Promise.all(['demo-unbound', 'demo-visitor', 'racer-3'].map((o) => accept(o, inv.data.code)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['INVITE.USED', 'INVITE.USED'])
  })

  it('an invite expires after 24 hours and writes nothing when refused', async () => {
    const inv = await invite()
    if (!inv.ok) throw new Error(inv.message)
    world.clock.advance(24 * 3600_000 + 1000)
    const before = dumpDatabase(world.platform)
    expect(await accept('demo-unbound', inv.data.code)).toMatchObject({ ok: false, code: 'INVITE.EXPIRED' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('an unknown code is INVITE.NOT_FOUND; an existing member does not burn the code', async () => {
    expect(await accept('demo-unbound', 'ABCDEFGH')).toMatchObject({ ok: false, code: 'INVITE.NOT_FOUND' })
    const inv = await invite()
    if (!inv.ok) throw new Error(inv.message)
    expect(await accept('demo-family', inv.data.code)).toMatchObject({ ok: false, code: 'INVITE.ALREADY_MEMBER' })
    expect(await accept('demo-unbound', inv.data.code)).toMatchObject({ ok: true })
  })

  it('only the owner may invite, approve and remove; a family member gets AUTH.FORBIDDEN and nothing is written', async () => {
    const memberId = await inviteAndAccept('demo-unbound')
    const before = dumpDatabase(world.platform)
    expect(await invite('demo-family')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    for (const action of ['approveMember', 'removeMember']) {
      expect(await world.call('households', 'demo-family', { action, requestId: rid(), householdId: OWNER_HOME, memberId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    }
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('a removed member loses the household at once: no members, no detail, gone from me, cannot switch to it', async () => {
    const listed = await members('demo-owner')
    const family = listed.ok && listed.data.members.find((m: { role: string }) => m.role === 'family')
    expect(await members('demo-family')).toMatchObject({ ok: true })
    expect(await world.call('households', 'demo-owner', { action: 'removeMember', requestId: rid(), householdId: OWNER_HOME, memberId: family.memberId })).toMatchObject({
      ok: true,
      data: { status: 'removed' },
    })
    expect(await members('demo-family')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('households', 'demo-family', { action: 'householdDetail', householdId: OWNER_HOME })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('households', 'demo-family', { action: 'switchHousehold', requestId: rid(), householdId: OWNER_HOME })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const me = await world.call('households', 'demo-family', { action: 'me' })
    expect(me).toMatchObject({ ok: true, data: { households: [], currentHouseholdId: null } })
  })

  it('the owner cannot remove themselves; ops can, which frees the room for the next owner', async () => {
    const listed = await members('demo-owner')
    const owner = listed.ok && listed.data.members.find((m: { isMe: boolean }) => m.isMe)
    expect(await world.call('households', 'demo-owner', { action: 'removeMember', requestId: rid(), householdId: OWNER_HOME, memberId: owner.memberId })).toMatchObject({
      ok: false,
      code: 'MEMBER.CANNOT_REMOVE_OWNER',
    })
    expect(await world.console('ops', { action: 'removeResident', householdId: OWNER_HOME, memberId: owner.memberId })).toMatchObject({ ok: true })
    expect(await members('demo-owner')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })

    // A room whose verified owner is removed can be proved again by the next owner.
    const proof = { action: 'bind', householdId: 'h-2-1-301', ownerName: '刘洋', phone: '13800002301' }
    const first = await world.call('households', 'demo-unbound', { ...proof, requestId: rid() })
    if (!first.ok) throw new Error(first.message)
    expect(await world.call('households', 'demo-visitor', { ...proof, requestId: rid() })).toMatchObject({ ok: false, code: 'BIND.OWNER_EXISTS' })
    const list = await members('demo-unbound', 'h-2-1-301')
    const memberId = list.ok && list.data.members[0].memberId
    expect(await world.console('ops', { action: 'removeResident', householdId: 'h-2-1-301', memberId })).toMatchObject({ ok: true })
    expect(await world.call('households', 'demo-visitor', { ...proof, requestId: rid() })).toMatchObject({ ok: true })
  })

  it('a resident passing someone else’s household id gets AUTH.FORBIDDEN on every action, and nothing is written', async () => {
    const before = dumpDatabase(world.platform)
    const foreign = 'h-4-1-101'
    const calls: Record<string, unknown>[] = [
      { action: 'members', householdId: foreign },
      { action: 'householdDetail', householdId: foreign },
      { action: 'createInvite', requestId: rid(), householdId: foreign, role: 'family' },
      { action: 'switchHousehold', requestId: rid(), householdId: foreign },
      { action: 'removeMember', requestId: rid(), householdId: foreign, memberId: 'r-owner' },
      { action: 'approveMember', requestId: rid(), householdId: foreign, memberId: 'r-family' },
    ]
    for (const event of calls) expect(await world.call('households', 'demo-owner', event)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('a resident of several households switches the current one', async () => {
    const inv = await world.call('households', 'demo-owner', { action: 'createInvite', requestId: rid(), householdId: OWNER_HOME, role: 'family' })
    if (!inv.ok) throw new Error(inv.message)
    await world.call('households', 'demo-unbound', { action: 'bind', requestId: rid(), householdId: 'h-2-1-301', ownerName: '刘洋', phone: '13800002301' })
    const acc = await accept('demo-unbound', inv.data.code)
    if (!acc.ok) throw new Error(acc.message)
    await world.call('households', 'demo-owner', { action: 'approveMember', requestId: rid(), householdId: OWNER_HOME, memberId: acc.data.memberId })
    const before = await world.call('households', 'demo-unbound', { action: 'me' })
    expect(before).toMatchObject({ ok: true, data: { currentHouseholdId: 'h-2-1-301' } })
    expect(before.ok && before.data.households).toHaveLength(2)
    expect(await world.call('households', 'demo-unbound', { action: 'switchHousehold', requestId: rid(), householdId: OWNER_HOME })).toMatchObject({ ok: true })
    expect(await world.call('households', 'demo-unbound', { action: 'me' })).toMatchObject({ ok: true, data: { currentHouseholdId: OWNER_HOME } })
  })
})
