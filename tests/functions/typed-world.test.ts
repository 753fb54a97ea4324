import { repairsContract } from '../../cloudfunctions/contracts/repairs.contract'
import { householdsContract } from '../../cloudfunctions/contracts/households.contract'
import { feesContract } from '../../cloudfunctions/contracts/fees.contract'
import { createTypedWorld, type TypedWorld } from '../support/typed-world'
import { dumpDatabase } from '../support/test-platform'

/** The typed test world: the app's own client, typed by the contracts, over an in-process transport. */
describe('typed test world', () => {
  let world: TypedWorld
  beforeAll(async () => {
    world = await createTypedWorld({ seed: true })
  })
  afterAll(() => world.close())

  it('files a ticket as the owner and reads it back with contract types', async () => {
    const created = await world.as('owner').call(repairsContract, 'create', {
      place: { kind: 'household', householdId: 'h-1-1-101' },
      category: 'plumbing',
      description: '厨房水龙头漏水，关不紧',
    })
    const detail = await world.as('owner').call(repairsContract, 'detail', { ticketId: created.ticketId })
    expect(detail.id).toBe(created.ticketId)
    expect(detail).toMatchObject({ status: 'assigned', category: 'plumbing' })
  })

  it('answers a caller outside the audience AUTH.FORBIDDEN, and writes nothing', async () => {
    const before = dumpDatabase(world.platform)
    expect(await world.as('owner').attempt(householdsContract, 'stewardGrid', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.as('technician').attempt(feesContract, 'remind', { householdIds: ['h-1-1-101'] })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.as('steward').attempt(repairsContract, 'queue', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
    const grid = await world.as('steward').call(householdsContract, 'stewardGrid', {})
    expect(grid.grids.length).toBeGreaterThan(0)
  })
})
