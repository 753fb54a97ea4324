import { createTestWorld, dumpDatabase, type TestWorld } from '../../support/test-platform'
import { recordInteraction } from '../../../cloudfunctions/core/profiles'
import { DomainError } from '../../../cloudfunctions/core/kernel/domain-error'

const base = {
  householdId: 'hh-1',
  communityId: 'c-1',
  kind: 'purchase' as const,
  category: '生鲜',
  itemId: 'sku-1',
  at: new Date('2026-11-20T03:00:00Z'),
  sourceId: 'order-1:0',
}

describe('profiles.recordInteraction', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await createTestWorld()
  })
  afterEach(() => world.close())

  const rows = () => world.platform.local.engine.store.scan('household_interactions').map((r) => r.doc as Record<string, unknown>)

  it('writes one row with the default weight of its kind and the caller facts', async () => {
    const r = await recordInteraction(world.platform, base)
    expect(r).toEqual({ interactionId: 'purchase:order-1:0:hh-1', created: true })
    const [row] = rows()
    expect(row).toMatchObject({ householdId: 'hh-1', communityId: 'c-1', kind: 'purchase', category: '生鲜', itemId: 'sku-1', weight: 1, sourceId: 'order-1:0' })
    expect(new Date(row.at as string).toISOString()).toBe('2026-11-20T03:00:00.000Z')
  })

  it('is idempotent per (kind, sourceId, householdId), also when reported concurrently', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => recordInteraction(world.platform, { ...base, weight: 2 })))
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect(rows()).toHaveLength(1)
    // A repeat with other values changes nothing: the first report stands.
    const again = await recordInteraction(world.platform, { ...base, category: '母婴' })
    expect(again.created).toBe(false)
    expect(rows()[0]).toMatchObject({ category: '生鲜', weight: 2 })
  })

  it('keeps the same source apart per kind and per household', async () => {
    await recordInteraction(world.platform, base)
    await recordInteraction(world.platform, { ...base, kind: 'card_open' })
    await recordInteraction(world.platform, { ...base, householdId: 'hh-2' })
    expect(rows().map((r) => r._id).sort()).toEqual(['card_open:order-1:0:hh-1', 'purchase:order-1:0:hh-1', 'purchase:order-1:0:hh-2'])
    expect(rows().find((r) => r.kind === 'card_open')?.weight).toBe(0.3)
  })

  it.each([
    ['kind', { kind: 'like' }],
    ['category', { category: '  ' }],
    ['at', { at: new Date('nope') }],
    ['weight', { weight: 0 }],
    ['weight', { weight: -1 }],
    ['sourceId', { sourceId: '' }],
    ['householdId', { householdId: 'a/b' }],
  ])('refuses a bad %s with PROFILE.INTERACTION_INVALID and writes nothing', async (_field, patch) => {
    const before = dumpDatabase(world.platform)
    const err = await recordInteraction(world.platform, { ...base, ...(patch as object) } as never).catch((e) => e)
    expect(err).toBeInstanceOf(DomainError)
    expect(err.code).toBe('PROFILE.INTERACTION_INVALID')
    expect(dumpDatabase(world.platform)).toEqual(before)
  })
})
