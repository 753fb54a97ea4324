import { createTestWorld, dumpDatabase, rid, type TestWorld } from '../../support/test-platform'
import { bind, FULL_PHONE } from './households-test-kit'

describe('households: the steward’s grid', () => {
  let world: TestWorld
  beforeAll(async () => {
    world = await createTestWorld({ seed: true })
    await bind(world, 'demo-unbound') // 2栋1单元301 becomes bound
  })
  afterAll(() => world.close())

  it('shows my buildings with households, bound households and penetration', async () => {
    const res = await world.call('households', 'demo-steward', { action: 'stewardGrid' })
    if (!res.ok) throw new Error(res.message)
    expect(res.data.grids).toHaveLength(1)
    const grid = res.data.grids[0]
    expect(grid).toMatchObject({ communityId: 'c-sunshine', communityName: '阳光花园' })
    expect(grid.buildings).toEqual([
      { buildingId: 'b-1', name: '1栋', households: 60, boundHouseholds: 1, penetration: 0.0167 },
      { buildingId: 'b-2', name: '2栋', households: 60, boundHouseholds: 1, penetration: 0.0167 },
      { buildingId: 'b-3', name: '3栋', households: 60, boundHouseholds: 0, penetration: 0 },
    ])
    expect(grid.totals).toEqual({ households: 180, boundHouseholds: 2, penetration: 0.0111 })
  })

  it('lists a building of my grid page by page, who is bound, owners masked', async () => {
    const first = await world.call('households', 'demo-steward', { action: 'stewardHouseholds', buildingId: 'b-1', limit: 2 })
    expect(first).toMatchObject({ ok: true, data: { total: 60, hasMore: true } })
    if (!first.ok) return
    expect(first.data.items[0]).toMatchObject({ householdId: 'h-1-1-101', unit: '1单元', room: '101', bound: true, activeMembers: 2 })
    expect(first.data.items[0].ownerNameMasked).toMatch(/^.\*+$/)
    expect(first.data.items[0].ownerPhoneLast4).toMatch(/^\d{4}$/)
    expect(first.data.items[1]).toMatchObject({ room: '102', bound: false, activeMembers: 0 })
    expect(JSON.stringify(first)).not.toMatch(FULL_PHONE)
    const last = await world.call('households', 'demo-steward', { action: 'stewardHouseholds', buildingId: 'b-1', offset: 58, limit: 20 })
    expect(last).toMatchObject({ ok: true, data: { hasMore: false } })
    expect(last.ok && last.data.items.map((i: { unit: string; room: string }) => i.unit + i.room)).toEqual(['2单元1501', '2单元1502'])
  })

  it('a steward reading another grid’s household or building gets AUTH.FORBIDDEN', async () => {
    const before = dumpDatabase(world.platform)
    expect(await world.call('households', 'demo-steward', { action: 'householdDetail', householdId: 'h-4-1-101' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('households', 'demo-steward', { action: 'stewardHouseholds', buildingId: 'b-4' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('households', 'demo-steward', { action: 'members', householdId: 'h-5-2-1502' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('households', 'demo-steward', { action: 'stewardHouseholds', buildingId: 'b-nowhere' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('a steward reads a household of the own grid with its home steward; residents and other roles are refused', async () => {
    expect(await world.call('households', 'demo-steward', { action: 'householdDetail', householdId: 'h-2-1-301' })).toMatchObject({
      ok: true,
      data: { label: '阳光花园 2栋1单元301', ownerNameMasked: '刘*', ownerPhoneLast4: '2301', activeMembers: 1, homeSteward: { name: '张敏' } },
    })
    // Outside the action's audience (stewards only): refused by the gate, not answered with an empty grid.
    expect(await world.call('households', 'demo-owner', { action: 'stewardGrid' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('households', 'demo-owner', { action: 'stewardHouseholds', buildingId: 'b-1' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('households', 'demo-technician', { action: 'householdDetail', householdId: 'h-1-1-101' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  it('stewards see their grid but cannot manage the members of its households', async () => {
    expect(await world.call('households', 'demo-steward', { action: 'createInvite', requestId: rid(), householdId: 'h-1-1-101', role: 'family' })).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
  })
})
