/**
 * The worked example, by hand: two households, three items, known co-purchases, decay over 30 days.
 *
 *   items: A 生鲜 (蔬菜箱), B 母婴 (纸尿裤), C 生鲜 (土鸡蛋); half-life 30 days; now = 2026-12-03 02:00Z
 *   h1 bought A 30 days ago and B now;  h2 bought A 30 days ago and C now
 *   buyers: A {h1,h2}, B {h1}, C {h2};  co-purchases: (A,B) once, (A,C) once
 *   cos(A,B) = 1/√(2·1) = 0.707107;  cos(A,C) = 0.707107;  cos(B,C) = 0
 *   similarity: A → {生鲜 1, 母婴 0.707107}; B → {母婴 1, 生鲜 0.707107}; C → {生鲜 1} (its only neighbour is 生鲜 too)
 *   h1: 生鲜 = 1·1·½ + 1·0.707107·1 = 1.207107;   母婴 = 1·0.707107·½ + 1·1·1 = 1.353553
 *   h2: 生鲜 = 1·1·½ + 1·1·1 = 1.5;               母婴 = 1·0.707107·½ = 0.353553
 * A new item D (no buyers in the similarity table) counts only in its own category (the fallback).
 */
import { createTestWorld, type TestWorld } from '../../support/test-platform'
import { rebuildSimilarity, recomputeHousehold, recordInteraction } from '../../../cloudfunctions/core/profiles'
import { scoreAt, directScore, levelOf } from '../../../cloudfunctions/core/profiles/interest-math'

const NOW = '2026-12-03T02:00:00.000Z'
const DAY = 86_400_000
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * DAY)

describe('interest scores, hand-computed', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await createTestWorld({ clockAt: NOW })
  })
  afterEach(() => world.close())

  const buy = (householdId: string, itemId: string, category: string, at: Date) =>
    recordInteraction(world.platform, { householdId, communityId: 'c-1', kind: 'purchase', category, itemId, at, sourceId: `o-${householdId}-${itemId}` }, { refresh: false })

  async function scores(householdId: string): Promise<Record<string, number>> {
    const rows = world.platform.local.engine.store.scan('household_interest').map((r) => r.doc as { householdId: string; category: string; level: number; halfLifeDays: number })
    return Object.fromEntries(rows.filter((r) => r.householdId === householdId).map((r) => [r.category, Math.round(scoreAt(r.level, world.clock.now(), r.halfLifeDays) * 1e6) / 1e6]))
  }

  it('combines co-purchase similarity and 30-day decay exactly as computed by hand', async () => {
    await buy('h1', 'A', '生鲜', daysAgo(30))
    await buy('h1', 'B', '母婴', daysAgo(0))
    await buy('h2', 'A', '生鲜', daysAgo(30))
    await buy('h2', 'C', '生鲜', daysAgo(0))
    const built = await rebuildSimilarity(world.platform, 'c-1')
    expect(built).toMatchObject({ households: 2, items: 3 })
    const sims = Object.fromEntries(world.platform.local.engine.store.scan('item_similarity').map((r) => [(r.doc as any).itemId, (r.doc as any).sims]))
    expect(sims).toEqual({ A: { 生鲜: 1, 母婴: 0.707107 }, B: { 母婴: 1, 生鲜: 0.707107 }, C: { 生鲜: 1 } })
    await recomputeHousehold(world.platform, 'h1')
    await recomputeHousehold(world.platform, 'h2')
    expect(await scores('h1')).toEqual({ 生鲜: 1.207107, 母婴: 1.353553 })
    expect(await scores('h2')).toEqual({ 生鲜: 1.5, 母婴: 0.353553 })
  })

  it('stored scores keep decaying without a recompute: 30 days later every score has halved', async () => {
    await buy('h1', 'A', '生鲜', daysAgo(30))
    await buy('h1', 'B', '母婴', daysAgo(0))
    await buy('h2', 'A', '生鲜', daysAgo(30))
    await rebuildSimilarity(world.platform, 'c-1')
    await recomputeHousehold(world.platform, 'h1')
    const before = await scores('h1')
    world.clock.advance(30 * DAY)
    const after = await scores('h1')
    expect(after.生鲜).toBeCloseTo(before.生鲜 / 2, 5)
    expect(after.母婴).toBeCloseTo(before.母婴 / 2, 5)
  })

  it('a new item without co-purchase data counts only in its own category (category fallback)', async () => {
    await buy('h1', 'A', '生鲜', daysAgo(30))
    await buy('h1', 'B', '母婴', daysAgo(0))
    await rebuildSimilarity(world.platform, 'c-1')
    await buy('h1', 'D', '宠物', daysAgo(0)) // after the rebuild: no similarity row yet
    await recomputeHousehold(world.platform, 'h1')
    const s = await scores('h1')
    expect(s.宠物).toBe(1)
    // A and B were bought by the same single household: cos = 1, so each spreads fully into the other's category.
    expect(s.生鲜).toBeCloseTo(0.5 + 1, 6)
    expect(s.母婴).toBeCloseTo(0.5 + 1, 6)
  })

  it('the log-space level agrees with the direct sum far from the epoch and for tiny weights', () => {
    const now = new Date('2031-06-01T00:00:00Z')
    const terms = [
      { weight: 0.3, similarity: 0.2, at: new Date('2031-05-01T00:00:00Z') },
      { weight: 1, similarity: 1, at: new Date('2031-05-31T00:00:00Z') },
      { weight: 2, similarity: 0.5, at: new Date('2029-01-01T00:00:00Z') },
    ]
    for (const halfLife of [1, 7, 30, 365]) {
      const level = levelOf(terms, halfLife)!
      expect(scoreAt(level, now, halfLife)).toBeCloseTo(directScore(terms, now, halfLife), 9)
    }
  })

  it('recomputing is idempotent and the incremental path (inline on record) equals the batch path', async () => {
    await buy('h1', 'A', '生鲜', daysAgo(10))
    await rebuildSimilarity(world.platform, 'c-1')
    // Inline: recordInteraction without refresh:false recomputes the household at once.
    await recordInteraction(world.platform, { householdId: 'h1', communityId: 'c-1', kind: 'card_open', category: '生鲜', itemId: 'A', at: daysAgo(0), sourceId: 'card-1' })
    const inline = await scores('h1')
    await recomputeHousehold(world.platform, 'h1')
    await recomputeHousehold(world.platform, 'h1')
    expect(await scores('h1')).toEqual(inline)
    expect(inline.生鲜).toBeCloseTo(Math.pow(0.5, 10 / 30) + 0.3, 6)
  })
})
