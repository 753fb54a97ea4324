import { dumpDatabase, rid, type TestWorld } from '../../support/test-platform'
import { COMMUNITY, createGroup, DAY, groupsWorld, join, liveGroup, ok, STEWARD, STEWARD_2, uploadQr } from './groups-world'

describe('groups: joining picks the right group', () => {
  let world: TestWorld
  let g: Record<string, { id: string }>
  beforeAll(async () => {
    world = await groupsWorld()
    g = {
      owners13: await liveGroup(world, STEWARD, { name: '1–3栋业主群', kind: 'owners', buildingIds: ['b-1', 'b-2', 'b-3'] }),
      owners46: await liveGroup(world, STEWARD_2, { name: '4–6栋业主群', kind: 'owners', buildingIds: ['b-4', 'b-5', 'b-6'] }),
      tenants: await liveGroup(world, STEWARD_2, { name: '租户群', kind: 'tenants' }),
      merchants: await liveGroup(world, STEWARD, { name: '商户群', kind: 'merchants' }),
    }
    const invite = await ok(world.call('groups', STEWARD, { action: 'inviteMerchant', requestId: rid(), communityId: COMMUNITY, shopName: '阳光便利店' }))
    await ok(world.call('groups', 'shop-owner', { action: 'claimMerchant', requestId: rid(), code: invite.code }))
  })
  afterAll(() => world.close())

  it.each([
    ['owner of 1栋', 'demo-owner', 'owner', 'owners13'],
    ['family of 1栋', 'demo-family', 'family', 'owners13'],
    ['owner of 2栋', 'res-owner-b2', 'owner', 'owners13'],
    ['tenant of 2栋', 'res-tenant-b2', 'tenant', 'tenants'],
    ['owner of 4栋', 'res-owner-b4', 'owner', 'owners46'],
    ['family of 4栋', 'res-family-b4', 'family', 'owners46'],
    ['tenant of 5栋', 'res-tenant-b5', 'tenant', 'tenants'],
    ['registered merchant', 'shop-owner', 'merchant', 'merchants'],
  ])('classifies the %s (%s) as %s and gives them the %s group', async (_who, openid, identity, expected) => {
    const res = await ok(join(world, openid))
    expect(res).toMatchObject({ outcome: 'assigned', identity, alreadyAssigned: false, joined: false })
    expect(res.group.id).toBe(g[expected].id)
    expect(res.qr.fileId).toMatch(/^cloud:\/\/.+\/groups\//)
    expect(res.rules.length).toBeGreaterThan(0)
  })

  it('gives the same group back on a second ask instead of a new one', async () => {
    const first = await ok(join(world, 'demo-owner'))
    const again = await ok(join(world, 'demo-owner'))
    expect(again.group.id).toBe(first.group.id)
    expect(again.alreadyAssigned).toBe(true)
  })

  it('refuses a merchant from an owners group with the reason, writing nothing', async () => {
    const before = dumpDatabase(world.platform)
    const res = await join(world, 'shop-owner', { kind: 'owners' })
    expect(res).toMatchObject({ ok: false, code: 'GROUP.KIND_NOT_ALLOWED' })
    if (!res.ok) expect(res.message).toContain('商户')
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('refuses a tenant from an owners group and an owner from a merchants group', async () => {
    const tenant = await join(world, 'res-tenant-b2', { kind: 'owners' })
    expect(tenant).toMatchObject({ ok: false, code: 'GROUP.KIND_NOT_ALLOWED' })
    if (!tenant.ok) expect(tenant.message).toContain('租户')
    expect(await join(world, 'demo-owner', { kind: 'merchants' })).toMatchObject({ ok: false, code: 'GROUP.KIND_NOT_ALLOWED' })
  })

  it('refuses someone who is neither a bound resident nor a registered merchant', async () => {
    expect(await join(world, 'demo-unbound')).toMatchObject({ ok: false, code: 'GROUP.NOT_VERIFIED' })
  })

  it('refuses joining on behalf of a household that is not the caller’s', async () => {
    expect(await join(world, 'demo-owner', { householdId: 'h-4-1-101' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })
})

describe('groups: skipping full groups and expired codes, rotating the live code', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await groupsWorld()
  })
  afterEach(() => world.close())

  it('skips a full group and hands out the next one', async () => {
    const full = await liveGroup(world, STEWARD, { name: '1栋业主群①', kind: 'owners', buildingIds: ['b-1'], capacity: 10 })
    const next = await liveGroup(world, STEWARD, { name: '1栋业主群②', kind: 'owners', buildingIds: ['b-1'] })
    await ok(world.call('groups', STEWARD, { action: 'updateGroup', requestId: rid(), groupId: full.id, memberCount: 10 }))
    world.clock.advance(60_000)
    const res = await ok(join(world, 'demo-owner'))
    expect(res.group.id).toBe(next.id)
  })

  it('skips a group whose code has expired, and never shows that code', async () => {
    const stale = await liveGroup(world, STEWARD, { name: '1栋业主群①', kind: 'owners', buildingIds: ['b-1'] })
    world.clock.advance(6 * DAY)
    const fresh = await liveGroup(world, STEWARD, { name: '1栋业主群②', kind: 'owners', buildingIds: ['b-1'] })
    world.clock.advance(DAY + 60_000)
    const res = await ok(join(world, 'demo-owner'))
    expect(res.group.id).toBe(fresh.id)
    const mine = await ok(world.call('groups', STEWARD, { action: 'myGroups' }))
    const staleView = mine.groups.find((x: { id: string }) => x.id === stale.id)
    expect(staleView.code).toMatchObject({ status: 'expired', fileId: null, url: null })
  })

  it('a code handed out earlier is not shown once it lapses; asking again gives a live group', async () => {
    const a = await liveGroup(world, STEWARD, { name: '1栋业主群①', kind: 'owners', buildingIds: ['b-1'] })
    const first = await ok(join(world, 'demo-owner'))
    expect(first.group.id).toBe(a.id)
    world.clock.advance(7 * DAY + 1)
    const { memberships } = await ok(world.call('groups', 'demo-owner', { action: 'myMemberships' }))
    expect(memberships[0].qr).toMatchObject({ status: 'expired', fileId: null, url: null })
    const b = await liveGroup(world, STEWARD, { name: '1栋业主群②', kind: 'owners', buildingIds: ['b-1'] })
    const again = await ok(join(world, 'demo-owner'))
    expect(again.group.id).toBe(b.id)
    const after = await ok(world.call('groups', 'demo-owner', { action: 'myMemberships' }))
    expect(after.memberships.map((m: { group: { id: string } }) => m.group.id)).toEqual([b.id])
  })

  it('prefers the building’s own group to a community-wide one, and falls back to it when the own one is full', async () => {
    const wide = await liveGroup(world, STEWARD, { name: '住户群', kind: 'all' })
    const own = await liveGroup(world, STEWARD, { name: '1栋业主群', kind: 'owners', buildingIds: ['b-1'], capacity: 10 })
    expect((await ok(join(world, 'demo-owner'))).group.id).toBe(own.id)
    await ok(world.call('groups', STEWARD, { action: 'updateGroup', requestId: rid(), groupId: own.id, memberCount: 10 }))
    expect((await ok(join(world, 'demo-family'))).group.id).toBe(wide.id)
  })

  it('rotates across equally good groups (the least recently handed out goes next)', async () => {
    const ids = [
      (await liveGroup(world, STEWARD, { name: '1–3栋业主群①', kind: 'owners', buildingIds: ['b-1', 'b-2'] })).id,
      (await liveGroup(world, STEWARD, { name: '1–3栋业主群②', kind: 'owners', buildingIds: ['b-1', 'b-2'] })).id,
    ]
    const picked: string[] = []
    for (const openid of ['demo-owner', 'res-owner-b2', 'res-owner-b1', 'demo-family']) {
      world.clock.advance(1000)
      picked.push((await ok(join(world, openid))).group.id)
    }
    expect(new Set(picked.slice(0, 2))).toEqual(new Set(ids))
    expect(picked[2]).toBe(picked[0])
    expect(picked[3]).toBe(picked[1])
  })

  it.each([
    ['no group covers the building', 'no_group', async (_w: TestWorld) => undefined],
    ['every group is full', 'all_full', async (w: TestWorld) => {
      const full = await liveGroup(w, STEWARD, { name: '1栋业主群', kind: 'owners', buildingIds: ['b-1'], capacity: 10 })
      await ok(w.call('groups', STEWARD, { action: 'updateGroup', requestId: rid(), groupId: full.id, memberCount: 10 }))
    }],
    ['the only group has no live code', 'no_live_code', async (w: TestWorld) => {
      await createGroup(w, STEWARD, { name: '1栋业主群', kind: 'owners', buildingIds: ['b-1'] })
    }],
  ])('when %s: a clear message, and the home steward is told once', async (_case, reason, setup) => {
    await setup(world)
    const res = await ok(join(world, 'demo-owner'))
    expect(res).toMatchObject({ outcome: 'unavailable', identity: 'owner', reason, stewardNotified: true })
    expect(res.message).toMatch(/已通知管家/)
    await ok(join(world, 'demo-family'))
    const alerts = world.platform.local.engine.store.scan('group_alerts').map((r) => r.doc as { stewardOpenid: string; type: string })
    expect(alerts).toEqual([expect.objectContaining({ stewardOpenid: STEWARD, type: 'no_group' })])
    const outbox = world.platform.local.engine.store.scan('dev_outbox').map((r) => r.doc as { toOpenid: string; template: string })
    expect(outbox.filter((m) => m.template === 'group_alert').map((m) => m.toOpenid)).toEqual([STEWARD])
    const { tasks } = await ok(world.call('groups', STEWARD, { action: 'todayTasks' }))
    const task = tasks.find((t: { type: string }) => t.type === 'no_group')
    expect(task).toBeDefined()
    expect(await ok(world.call('groups', STEWARD, { action: 'ackTask', requestId: rid(), taskId: task.id }))).toEqual({ acked: true })
    const later = await ok(world.call('groups', STEWARD, { action: 'todayTasks' }))
    expect(later.tasks.some((t: { type: string }) => t.type === 'no_group')).toBe(false)
  })

  it('tells the steward of the 4–6栋 grid about a 4栋 owner, not the 1–3栋 steward', async () => {
    await ok(join(world, 'res-owner-b4'))
    const alerts = world.platform.local.engine.store.scan('group_alerts').map((r) => r.doc as { stewardOpenid: string })
    expect(alerts.map((a) => a.stewardOpenid)).toEqual([STEWARD_2])
  })

  it('confirming counts the member once, even when repeated', async () => {
    const grp = await liveGroup(world, STEWARD, { name: '1栋业主群', kind: 'owners', buildingIds: ['b-1'] })
    expect(await world.call('groups', 'demo-owner', { action: 'confirmJoined', requestId: rid(), groupId: grp.id })).toMatchObject({ ok: false, code: 'GROUP.NOT_ASSIGNED' })
    await ok(join(world, 'demo-owner'))
    const first = await ok(world.call('groups', 'demo-owner', { action: 'confirmJoined', requestId: rid(), groupId: grp.id }))
    const second = await ok(world.call('groups', 'demo-owner', { action: 'confirmJoined', requestId: rid(), groupId: grp.id }))
    expect([first.memberCount, second.memberCount]).toEqual([1, 1])
    const view = (await ok(world.call('groups', STEWARD, { action: 'myGroups' }))).groups[0]
    expect(view).toMatchObject({ memberCount: 1, seatsLeft: 199 })
    const again = await ok(join(world, 'demo-owner'))
    expect(again).toMatchObject({ alreadyAssigned: true, joined: true })
  })

  it('a confirmed member is not handed a second group once their group’s code lapses', async () => {
    const grp = await liveGroup(world, STEWARD, { name: '1栋业主群', kind: 'owners', buildingIds: ['b-1'] })
    await ok(join(world, 'demo-owner'))
    await ok(world.call('groups', 'demo-owner', { action: 'confirmJoined', requestId: rid(), groupId: grp.id }))
    world.clock.advance(8 * DAY)
    await liveGroup(world, STEWARD, { name: '1栋业主群②', kind: 'owners', buildingIds: ['b-1'] })
    const res = await ok(join(world, 'demo-owner'))
    expect(res).toMatchObject({ outcome: 'assigned', joined: true, qr: null })
    expect(res.group.id).toBe(grp.id)
  })

  it('uses the expired-code path only for expired codes: a code expiring in 1 minute is still handed out', async () => {
    const grp = await createGroup(world, STEWARD, { name: '1栋业主群', kind: 'owners', buildingIds: ['b-1'] })
    await uploadQr(world, STEWARD, grp.id, new Date(world.clock.now().getTime() - 7 * DAY + 60_000))
    expect((await ok(join(world, 'demo-owner'))).group.id).toBe(grp.id)
  })
})
