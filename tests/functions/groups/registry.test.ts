import { dumpDatabase, rid, type TestWorld } from '../../support/test-platform'
import { fakeOpenGid, localCloudIdFor } from '../../../cloudfunctions/platform/local/open-gid.local'
import { COMMUNITY, createGroup, groupsWorld, ok, OPS, putImage, STEWARD, STEWARD_2 } from './groups-world'

describe('groups: registry and who may manage what', () => {
  let world: TestWorld
  let mine: { id: string }
  beforeAll(async () => {
    world = await groupsWorld()
    mine = await createGroup(world, STEWARD, { name: '1–3栋业主群', kind: 'owners', buildingIds: ['b-3', 'b-1', 'b-2'] })
  })
  afterAll(() => world.close())

  it('creates a group with its building range, capacity and stage', async () => {
    const view = (await ok(world.call('groups', STEWARD, { action: 'myGroups' }))).groups[0]
    expect(view).toMatchObject({
      id: mine.id,
      kind: 'owners',
      kindLabel: '业主群',
      buildingIds: ['b-1', 'b-2', 'b-3'],
      buildingsLabel: '1栋、2栋、3栋',
      capacity: 200,
      memberCount: 0,
      seatsLeft: 200,
      stage: 'strong',
      openGIdBound: false,
      code: { status: 'none', fileId: null },
    })
  })

  const foreignActions = (groupId: string, fileId: string): [string, Record<string, unknown>][] => [
    ['updateGroup', { action: 'updateGroup', requestId: rid(), groupId, capacity: 300 }],
    ['uploadCode', { action: 'uploadCode', requestId: rid(), groupId, fileId, savedAt: new Date().toISOString() }],
    ['bindGroup', { action: 'bindGroup', requestId: rid(), groupId, cloudID: localCloudIdFor('别人的群') }],
    ['playbook', { action: 'playbook', groupId }],
    ['membersToMove', { action: 'membersToMove', groupId }],
  ]

  it('refuses a steward managing another steward’s group, writing nothing', async () => {
    const fileId = await putImage(world)
    const before = dumpDatabase(world.platform)
    for (const [name, event] of foreignActions(mine.id, fileId)) {
      const res = await world.call('groups', STEWARD_2, event)
      expect([name, res]).toEqual([name, expect.objectContaining({ ok: false, code: 'AUTH.FORBIDDEN' })])
    }
    expect(dumpDatabase(world.platform)).toEqual(before)
    expect((await ok(world.call('groups', STEWARD_2, { action: 'myGroups' }))).groups).toEqual([])
  })

  it('refuses residents and other roles on steward actions', async () => {
    for (const openid of ['demo-owner', 'demo-technician']) {
      expect(await world.call('groups', openid, { action: 'updateGroup', requestId: rid(), groupId: mine.id, capacity: 300 })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
      expect(await world.call('groups', openid, { action: 'myGroups' })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    }
  })

  it('refuses a steward creating a group for buildings outside their grid', async () => {
    const res = await world.call('groups', STEWARD_2, { action: 'createGroup', requestId: rid(), communityId: COMMUNITY, name: '1栋业主群', kind: 'owners', buildingIds: ['b-1'] })
    expect(res).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  it('refuses a steward putting another steward in charge; ops may', async () => {
    const steward = await world.call('groups', STEWARD, { action: 'createGroup', requestId: rid(), communityId: COMMUNITY, name: '租户群', kind: 'tenants', stewardOpenid: STEWARD_2 })
    expect(steward).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const byOps = await ok(world.call('groups', OPS, { action: 'createGroup', requestId: rid(), communityId: COMMUNITY, name: '租户群', kind: 'tenants', stewardOpenid: STEWARD_2 }))
    const theirs = (await ok(world.call('groups', STEWARD_2, { action: 'myGroups' }))).groups.map((x: { id: string }) => x.id)
    expect(theirs).toEqual([byOps.id])
  })

  it('lets ops manage any group of their community and see them all', async () => {
    const updated = await ok(world.call('groups', OPS, { action: 'updateGroup', requestId: rid(), groupId: mine.id, capacity: 180 }))
    expect(updated).toMatchObject({ capacity: 180, seatsLeft: 180 })
    const all = (await ok(world.call('groups', OPS, { action: 'myGroups' }))).groups
    expect(all.length).toBeGreaterThanOrEqual(2)
  })

  it('refuses unknown buildings and bad input before writing', async () => {
    const before = dumpDatabase(world.platform)
    expect(await world.call('groups', STEWARD, { action: 'createGroup', requestId: rid(), communityId: COMMUNITY, name: 'x', kind: 'owners' })).toMatchObject({ code: 'VALIDATION.FAILED' })
    expect(await world.call('groups', STEWARD, { action: 'createGroup', requestId: rid(), communityId: COMMUNITY, name: '群', kind: 'owners', capacity: 5000 })).toMatchObject({ code: 'VALIDATION.FAILED' })
    expect(await world.call('groups', OPS, { action: 'createGroup', requestId: rid(), communityId: COMMUNITY, name: '幽灵楼群', kind: 'owners', buildingIds: ['b-99'] })).toMatchObject({ code: 'GROUP.BUILDING_UNKNOWN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })
})

describe('groups: binding the WeChat group (openGId) and entries from cards', () => {
  let world: TestWorld
  let a: { id: string }
  let b: { id: string }
  beforeEach(async () => {
    world = await groupsWorld()
    a = await createGroup(world, STEWARD, { name: '1栋业主群', kind: 'owners', buildingIds: ['b-1'] })
    b = await createGroup(world, STEWARD, { name: '2栋业主群', kind: 'owners', buildingIds: ['b-2'] })
  })
  afterEach(() => world.close())

  const bind = (groupId: string, chat: string, who = STEWARD) => world.call('groups', who, { action: 'bindGroup', requestId: rid(), groupId, cloudID: localCloudIdFor(chat) })

  it('binds the openGId resolved from the card’s cloudID', async () => {
    const view = await ok(bind(a.id, '1栋业主群聊'))
    expect(view.openGIdBound).toBe(true)
    const doc = world.platform.local.engine.store.scan('groups').map((r) => r.doc as { _id: string; openGId: string }).find((d) => d._id === a.id)
    expect(doc?.openGId).toBe(fakeOpenGid('1栋业主群聊'))
  })

  it('refuses the same openGId for a second group, and keeps the first binding', async () => {
    await ok(bind(a.id, '同一个群'))
    const before = dumpDatabase(world.platform)
    const res = await bind(b.id, '同一个群')
    expect(res).toMatchObject({ ok: false, code: 'GROUP.OPENGID_TAKEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
    expect(await ok(bind(a.id, '同一个群'))).toMatchObject({ id: a.id, openGIdBound: true })
  })

  it('two stewards binding the same chat at once: exactly one wins', async () => {
    const results = await Promise.all([bind(a.id, '抢着绑的群'), bind(b.id, '抢着绑的群')])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'GROUP.OPENGID_TAKEN' })])
    const bound = world.platform.local.engine.store.scan('groups').map((r) => r.doc as { openGId: string | null }).filter((d) => d.openGId === fakeOpenGid('抢着绑的群'))
    expect(bound).toHaveLength(1)
  })

  it('rebinding a group to another chat frees the old chat for another group', async () => {
    await ok(bind(a.id, '旧群'))
    await ok(bind(a.id, '新群'))
    expect(await ok(bind(b.id, '旧群'))).toMatchObject({ id: b.id, openGIdBound: true })
  })

  it('refuses a cloudID WeChat would not vouch for', async () => {
    const res = await world.call('groups', STEWARD, { action: 'bindGroup', requestId: rid(), groupId: a.id, cloudID: 'forged-cloud-id' })
    expect(res).toMatchObject({ ok: false, code: 'GROUP.CARD_UNVERIFIED' })
  })

  it('a card opened in a bound group records the resident in it, counting them once', async () => {
    await ok(bind(a.id, '1栋业主群聊'))
    const entry = { action: 'recordEntry', cloudID: localCloudIdFor('1栋业主群聊') }
    const first = await ok(world.call('groups', 'demo-owner', { ...entry, requestId: rid() }))
    expect(first).toMatchObject({ recognized: true, group: { id: a.id, name: '1栋业主群' } })
    await ok(world.call('groups', 'demo-owner', { ...entry, requestId: rid() }))
    const view = (await ok(world.call('groups', STEWARD, { action: 'myGroups' }))).groups.find((x: { id: string }) => x.id === a.id)
    expect(view).toMatchObject({ memberCount: 1 })
    expect(view.score).toBeGreaterThan(0)
    const { memberships } = await ok(world.call('groups', 'demo-owner', { action: 'myMemberships' }))
    expect(memberships).toEqual([expect.objectContaining({ status: 'joined', group: expect.objectContaining({ id: a.id }) })])
  })

  it('a card opened in an unknown chat is not recognised and writes nothing', async () => {
    const before = dumpDatabase(world.platform)
    const res = await ok(world.call('groups', 'demo-owner', { action: 'recordEntry', requestId: rid(), cloudID: localCloudIdFor('陌生群') }))
    expect(res).toEqual({ recognized: false, group: null })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })
})
