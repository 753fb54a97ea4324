import { createTestWorld, dumpDatabase, rid, type TestWorld } from '../../support/test-platform'

describe('ops: grids, staff and the ops bootstrap', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await createTestWorld({ seed: true, env: { BOOTSTRAP_OPS_OPENIDS: 'boot-a, boot-b' } })
  })
  afterEach(() => world.close())

  const ops = (event: Record<string, unknown>) => world.console('ops', event)
  const addSteward = (openid: string, name = '新管家') => ops({ action: 'addStaff', communityId: 'c-sunshine', openid, role: 'steward', name })
  const assign = (stewardOpenid: string, buildings: string[]) => ops({ action: 'assignGrid', communityId: 'c-sunshine', stewardOpenid, buildings })

  it('refuses a building that belongs to another steward, and writes nothing', async () => {
    await addSteward('steward-3')
    const before = dumpDatabase(world.platform)
    const res = await assign('steward-3', ['3栋', '4号楼'])
    expect(res).toMatchObject({ ok: false, code: 'GRID.BUILDING_TAKEN' })
    if (!res.ok) expect(res.message).toContain('3栋、4栋')
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('moves a building between stewards only after it is released', async () => {
    await addSteward('steward-3')
    expect(await assign('demo-steward', ['1栋', '2栋'])).toMatchObject({ ok: true, data: { buildings: ['1栋', '2栋'], released: ['3栋'] } })
    expect(await assign('steward-3', ['3栋'])).toMatchObject({ ok: true, data: { buildings: ['3栋'], released: [] } })
    const staff = await ops({ action: 'listStaff', communityId: 'c-sunshine' })
    const grids = staff.ok && Object.fromEntries(staff.data.staff.filter((s: any) => s.role === 'steward').map((s: any) => [s.openid, s.buildings]))
    expect(grids).toEqual({ 'demo-steward': ['1栋', '2栋'], 'demo-steward-2': ['4栋', '5栋', '6栋'], 'steward-3': ['3栋'] })
    // the new steward's access follows the data on the very next call
    const view = await world.call('households', 'steward-3', { action: 'stewardHouseholds', buildingId: 'b-3' })
    expect(view).toMatchObject({ ok: true })
    expect(await world.call('households', 'demo-steward', { action: 'stewardHouseholds', buildingId: 'b-3' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  it('two concurrent assignments of the same free building: exactly one steward gets it', async () => {
    await assign('demo-steward', ['1栋', '2栋']) // frees 3栋
    await addSteward('steward-3')
    await addSteward('steward-4')
    const results = await Promise.all([assign('steward-3', ['3栋']), assign('steward-4', ['3栋'])])
    expect(results.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['GRID.BUILDING_TAKEN', 'ok'])
    const owners = dumpDatabase(world.platform).grids.filter((g: any) => g.buildingIds.includes('b-3'))
    expect(owners).toHaveLength(1)
  })

  it('refuses unknown buildings and people who are not stewards', async () => {
    expect(await assign('demo-steward', ['1栋', '99栋'])).toMatchObject({ ok: false, code: 'GRID.UNKNOWN_BUILDING' })
    expect(await assign('demo-technician', ['1栋'])).toMatchObject({ ok: false, code: 'GRID.NOT_A_STEWARD' })
  })

  it('removing a steward releases their buildings and ends their access at once', async () => {
    expect(await world.call('households', 'demo-steward', { action: 'householdDetail', householdId: 'h-1-1-101' })).toMatchObject({ ok: true })
    const res = await ops({ action: 'removeStaff', communityId: 'c-sunshine', openid: 'demo-steward', role: 'steward' })
    expect(res).toMatchObject({ ok: true, data: { releasedBuildings: ['1栋', '2栋', '3栋'] } })
    expect(await world.call('households', 'demo-steward', { action: 'householdDetail', householdId: 'h-1-1-101' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    await addSteward('steward-3')
    expect(await assign('steward-3', ['1栋'])).toMatchObject({ ok: true })
    // Removing again on purpose (its own requestId; the identical event without one is a console retry and
    // replays the first answer).
    expect(await ops({ action: 'removeStaff', communityId: 'c-sunshine', openid: 'demo-steward', role: 'steward', requestId: rid('again') })).toMatchObject({
      ok: false,
      code: 'STAFF.NOT_FOUND',
    })
  })

  it('bootstrap: a listed openid becomes the first ops of a community, once; afterwards staff are data', async () => {
    await ops({ action: 'upsertCommunity', communityId: 'c-new', name: '新小区' })
    const boot = (openid: string) => world.call('ops', openid, { action: 'bootstrapOps', requestId: rid(), communityId: 'c-new', name: '陈' })
    expect(await boot('not-listed')).toMatchObject({ ok: false, code: 'OPS.BOOTSTRAP_REFUSED' })
    expect(await world.call('ops', 'boot-a', { action: 'listStaff', communityId: 'c-new' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await boot('boot-a')).toMatchObject({ ok: true })
    // the community has ops now: the env list grants nothing more
    expect(await boot('boot-b')).toMatchObject({ ok: false, code: 'OPS.BOOTSTRAP_REFUSED' })
    // the bootstrapped ops manages staff like any ops
    const added = await world.call('ops', 'boot-a', { action: 'addStaff', requestId: rid(), communityId: 'c-new', openid: 'boot-b', role: 'ops', name: '李' })
    expect(added).toMatchObject({ ok: true, data: { created: true } })
    expect(await world.call('ops', 'boot-b', { action: 'listStaff', communityId: 'c-new' })).toMatchObject({ ok: true })
    // and is not ops anywhere else
    expect(await world.call('ops', 'boot-a', { action: 'listStaff', communityId: 'c-sunshine' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    // the console cannot bootstrap: it has no WeChat identity to record
    expect(await ops({ action: 'bootstrapOps', communityId: 'c-new', name: 'x' })).toMatchObject({ ok: false, code: 'AUTH.UNAUTHENTICATED' })
  })

  it('re-adding staff is an upsert, and non-ops users cannot manage staff', async () => {
    expect(await addSteward('steward-3')).toMatchObject({ ok: true, data: { created: true } })
    expect(await addSteward('steward-3', '改名')).toMatchObject({ ok: true, data: { created: false } })
    const staff = await ops({ action: 'listStaff', communityId: 'c-sunshine' })
    expect(staff.ok && staff.data.staff.filter((s: any) => s.openid === 'steward-3')).toEqual([{ openid: 'steward-3', role: 'steward', name: '改名', buildings: [] }])
    const before = dumpDatabase(world.platform)
    const event = { action: 'addStaff', requestId: rid(), communityId: 'c-sunshine', openid: 'me-me', role: 'ops', name: '我' }
    expect(await world.call('ops', 'demo-steward', event)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })
})
