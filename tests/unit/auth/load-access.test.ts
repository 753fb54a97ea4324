import { loadAccess } from '../../../cloudfunctions/core/auth/load-access'
import { createTestWorld, type TestWorld } from '../../support/test-platform'

describe('loadAccess reads live data on every call', () => {
  let world: TestWorld
  beforeAll(async () => {
    world = await createTestWorld({ seed: true })
  })
  afterAll(() => world.close())

  it('resolves memberships with their building, staff roles and the steward’s grid', async () => {
    const db = world.platform.db
    expect(await loadAccess(db, 'demo-family')).toEqual({
      openid: 'demo-family',
      // wide: family see the whole household unless the owner turned it off (core/auth/household-sharing.ts).
      memberships: [{ householdId: 'h-1-1-101', communityId: 'c-sunshine', buildingId: 'b-1', role: 'family', wide: true }],
      staff: [],
      stewardBuildingIds: [],
    })
    expect(await loadAccess(db, 'demo-steward')).toMatchObject({ staff: [{ role: 'steward', communityId: 'c-sunshine' }], stewardBuildingIds: ['b-1', 'b-2', 'b-3'] })
  })

  it('a membership changed in the database changes access on the next load', async () => {
    const db = world.platform.db
    await db.collection('residents').doc('r-family').update({ status: 'removed' })
    expect((await loadAccess(db, 'demo-family')).memberships).toEqual([])
    await db.collection('residents').doc('r-family').update({ status: 'pending' })
    expect((await loadAccess(db, 'demo-family')).memberships).toEqual([])
  })

  it('the same memberships whether the households are read by id (up to three) or by one query (more)', async () => {
    const db = world.platform.db
    const homes = ['h-1-1-101', 'h-2-1-101', 'h-3-1-201', 'h-4-2-301']
    const now = world.clock.now()
    for (const [i, householdId] of homes.entries()) {
      await db.collection('residents').add({ _id: `r-landlord-${i}`, openid: 'landlord-x', householdId, communityId: 'c-sunshine', role: 'owner', status: i < 2 ? 'active' : 'pending', boundAt: now })
    }
    const two = await loadAccess(db, 'landlord-x')
    expect(two.memberships.map((m) => [m.householdId, m.buildingId]).sort()).toEqual([['h-1-1-101', 'b-1'], ['h-2-1-101', 'b-2']])
    await db.collection('residents').where({ openid: 'landlord-x' }).update({ status: 'active' })
    const four = await loadAccess(db, 'landlord-x')
    expect(four.memberships.map((m) => [m.householdId, m.buildingId, m.communityId]).sort()).toEqual([
      ['h-1-1-101', 'b-1', 'c-sunshine'],
      ['h-2-1-101', 'b-2', 'c-sunshine'],
      ['h-3-1-201', 'b-3', 'c-sunshine'],
      ['h-4-2-301', 'b-4', 'c-sunshine'],
    ])
    expect(four.memberships.filter((m) => two.memberships.some((t) => t.householdId === m.householdId))).toEqual(two.memberships)
  })
})
