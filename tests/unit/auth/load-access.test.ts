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
})
