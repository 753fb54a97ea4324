import { householdsContract } from '../../../cloudfunctions/contracts/households.contract'
import { ordersContract } from '../../../cloudfunctions/contracts/orders.contract'
import { repairsContract } from '../../../cloudfunctions/contracts/repairs.contract'
import { COLLECTIONS } from '../../../cloudfunctions/core/households'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { DEMO_BINDING } from '../../../cloudfunctions/platform/local/demo/personas'
import { createTypedWorld, type TypedWorld } from '../../support/typed-world'
import { dumpDatabase } from '../../support/test-platform'

/**
 * Household-wide views (issue 16): who sees the household's tickets and orders, through core/auth's
 * `household.readAll` relation. The owner always; family by default; tenants only when the owner allows.
 * Members who do not see the whole household see their own records only — in lists and by id.
 */
const HOUSE = 'h-1-1-101'
const TENANT = { openid: 'test-tenant' }

describe('household-wide views of tickets and orders', () => {
  let world: TypedWorld
  let ownerTicket: string
  let tenantTicket: string
  let ownerOrder: string
  let tenantOrder: string

  beforeAll(async () => {
    world = await createTypedWorld({ seed: true })
    must(await world.platform.db.collection(COLLECTIONS.residents).add({ _id: 'r-test-tenant', openid: TENANT.openid, householdId: HOUSE, communityId: 'c-sunshine', role: 'tenant', status: 'active', boundAt: new Date(), nickname: '小李' }))
    const file = async (who: 'owner' | typeof TENANT, description: string) =>
      (await world.as(who).call(repairsContract, 'create', { place: { kind: 'household', householdId: HOUSE }, category: 'plumbing', description })).ticketId
    ownerTicket = await file('owner', '业主报修：厨房水龙头漏水')
    tenantTicket = await file(TENANT, '租户报修：卧室插座没电')
    const { items } = await world.as('owner').call(ordersContract, 'serviceCatalog', {})
    const order = async (who: 'owner' | typeof TENANT) =>
      (await world.as(who).call(ordersContract, 'createServiceOrder', { householdId: HOUSE, serviceItemId: items[0].id, quantity: 1 })).order.orderId
    ownerOrder = await order('owner')
    tenantOrder = await order(TENANT)
  })
  afterAll(() => world.close())

  const ticketsOf = async (who: 'owner' | 'family' | typeof TENANT) => (await world.as(who).call(repairsContract, 'mine', { filter: 'all' })).items.map((t) => t.id)
  const ordersOf = async (who: 'owner' | 'family' | typeof TENANT) => (await world.as(who).call(ordersContract, 'list', { status: 'all' })).items.map((o) => o.orderId)

  it('by default: owner and family see the whole household, a tenant only their own (lists and by id)', async () => {
    for (const who of ['owner', 'family'] as const) {
      expect(await ticketsOf(who)).toEqual(expect.arrayContaining([ownerTicket, tenantTicket]))
      expect(await ordersOf(who)).toEqual(expect.arrayContaining([ownerOrder, tenantOrder]))
    }
    expect(await ticketsOf(TENANT)).toEqual([tenantTicket])
    expect(await ordersOf(TENANT)).toEqual([tenantOrder])
    expect(await world.as(TENANT).attempt(ordersContract, 'detail', { orderId: ownerOrder })).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' })
    expect(await world.as(TENANT).attempt(repairsContract, 'detail', { ticketId: ownerTicket })).toMatchObject({ ok: false, code: expect.stringMatching(/^(AUTH\.FORBIDDEN|NOT_FOUND)$/) })
    expect((await world.as(TENANT).call(ordersContract, 'detail', { orderId: tenantOrder })).order.orderId).toBe(tenantOrder)
    expect((await world.as('family').call(ordersContract, 'detail', { orderId: tenantOrder })).order.orderId).toBe(tenantOrder)
    const members = await world.as('owner').call(householdsContract, 'members', { householdId: HOUSE })
    expect(members.sharing).toEqual({ family: true, tenant: false })
    expect(members.members.find((m) => m.role === 'tenant')).toMatchObject({ nickname: '小李' })
  })

  it('only the owner may change the setting; family and tenants are refused and nothing is written', async () => {
    const before = dumpDatabase(world.platform)
    for (const who of ['family', TENANT] as const) {
      expect(await world.as(who).attempt(householdsContract, 'setSharing', { householdId: HOUSE, family: true, tenant: true })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    }
    expect(await world.as('steward').attempt(householdsContract, 'setSharing', { householdId: HOUSE, family: true, tenant: true })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('the owner lets the tenant in and keeps family out: effective on the next call', async () => {
    expect(await world.as('owner').call(householdsContract, 'setSharing', { householdId: HOUSE, family: false, tenant: true })).toEqual({ householdId: HOUSE, sharing: { family: false, tenant: true } })
    expect(await ticketsOf(TENANT)).toEqual(expect.arrayContaining([ownerTicket, tenantTicket]))
    expect(await ordersOf(TENANT)).toEqual(expect.arrayContaining([ownerOrder, tenantOrder]))
    expect(await ticketsOf('family')).toEqual([])
    expect(await ordersOf('family')).toEqual([])
    expect(await world.as('family').attempt(ordersContract, 'detail', { orderId: ownerOrder })).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' })
    // The owner always sees everything.
    expect(await ordersOf('owner')).toEqual(expect.arrayContaining([ownerOrder, tenantOrder]))
    await world.as('owner').call(householdsContract, 'setSharing', { householdId: HOUSE, family: true, tenant: false })
    expect(await ordersOf(TENANT)).toEqual([tenantOrder])
  })
})

describe('the relation is chosen at binding', () => {
  let world: TypedWorld
  beforeAll(async () => {
    world = await createTypedWorld({ seed: true })
  })
  afterAll(() => world.close())

  const roomId = async () => {
    const h = must(await world.platform.db.collection(COLLECTIONS.households).where({ ownerName: DEMO_BINDING.ownerName }).limit(1).get()).data as { _id: string }[]
    return h[0]._id
  }

  it('家属 with the owner’s details asks to join under a name and waits; the owner can still bind; the request is listed with name and relation', async () => {
    const householdId = await roomId()
    const proof = { householdId, ownerName: DEMO_BINDING.ownerName, phone: DEMO_BINDING.phone }
    expect(await world.as({ openid: 'test-family-2' }).attempt(householdsContract, 'bind', { ...proof, relation: 'family' })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    const asked = await world.as({ openid: 'test-family-2' }).call(householdsContract, 'bind', { ...proof, relation: 'family', name: '刘太太' })
    expect(asked.status).toBe('pending')
    // Pending is not membership: nothing of the household opens up yet.
    expect(await world.as({ openid: 'test-family-2' }).call(ordersContract, 'list', { status: 'all' })).toEqual({ items: [], hasMore: false })
    const owner = await world.as('unbound').call(householdsContract, 'bind', { ...proof, relation: 'owner' })
    expect(owner).toMatchObject({ status: 'active', household: { role: 'owner' } })
    const members = await world.as('unbound').call(householdsContract, 'members', { householdId })
    expect(members.members.map((m) => [m.nickname, m.role, m.status])).toEqual([
      [DEMO_BINDING.ownerName, 'owner', 'active'],
      ['刘太太', 'family', 'pending'],
    ])
    // A wrong phone as 租户 counts as a failed proof like any other (no side door around the limits).
    expect(await world.as({ openid: 'test-tenant-2' }).attempt(householdsContract, 'bind', { ...proof, phone: '13900000000', relation: 'tenant', name: '小张' })).toMatchObject({ ok: false, code: 'BIND.PROOF_MISMATCH' })
  })
})
