import type { DemoSeeder } from '../seed-context'
import type { Platform } from '../../../../core/kernel/platform'
import { composeAreas } from '../../../../core/kernel/area'
import { must } from '../../../../core/kernel/db-result'
import { rebuildSimilarity, recomputeHousehold } from '../../../../core/profiles'
import { INTERACTION_COLLECTION, interactionId, type InteractionDoc } from '../../../../core/profiles/interaction.model'
import { HOUSEHOLD_ITEMS_COLLECTION, type HouseholdItemsDoc } from '../../../../core/profiles/household-items'
import type { Db } from '@cloudbase/database'
import { isDuplicateKey } from '../../../../core/kernel/db-result'
import { ITEM_COLLECTION, type ItemDoc } from '../../../../core/profiles/item-catalog'
import { loadCommunitySimilarities } from '../../../../core/profiles/interest.service'
import { loadProfileSettings } from '../../../../core/profiles/profile-settings'
import { tagsOf } from '../../../../core/profiles/tag-catalog'
import { DEMO_BINDING, DEMO_COMMUNITY_ID } from '../personas'

const DAY = 86_400_000

/** Items of earlier group buys (ids of their own) and of the live ones (groupbuy-demo.seeder.ts). */
const ITEMS: { id: string; title: string; category: string }[] = [
  { id: 'past-veg-box', title: '有机蔬菜箱', category: '生鲜' },
  { id: 'past-eggs', title: '散养土鸡蛋 30枚', category: '生鲜' },
  { id: 'gb-demo-oranges_s1', title: '赣南脐橙 5斤装', category: '生鲜' },
  { id: 'past-diapers', title: '婴儿纸尿裤 L码', category: '母婴' },
  { id: 'past-milk-powder', title: '婴儿奶粉 3段', category: '母婴' },
  { id: 'past-cat-food', title: '全价猫粮 4kg', category: '宠物' },
  { id: 'past-cleaning', title: '家庭保洁 3小时', category: '家政' },
  { id: 'gb-demo-cleaning_s1', title: '空调清洗 · 挂机', category: '家电' },
]

/** Deterministic "random" in [0, 1) per text, so every start seeds the same history. */
function unit(text: string): number {
  let h = 2166136261
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
  return ((h >>> 0) % 10_000) / 10_000
}

/** Batch insert; on a re-run (rows already there) each row is set again, which changes nothing. */
async function putAll<T extends { _id: string }>(db: Db, collection: string, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    const batch = docs.slice(i, i + 500)
    try {
      if (batch.length) must(await db.collection(collection).add(batch))
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
      for (const { _id, ...rest } of batch) must(await db.collection(collection).doc(_id).set(rest))
    }
  }
}

/**
 * A purchase history for 阳光花园 so segments, scores and tags have something to show: in floors 1–8 (kept
 * small: every seeded test world pays for it) about a third of the households bought 生鲜 in the last 30 days (the demo owner in 1栋1单元101 among them), some bought 母婴,
 * 宠物 or 家政 items, with co-purchases that give the similarity table content. The binding-demo home
 * (2栋1单元301) never bought 生鲜: a resident who binds it is outside "近30天买过生鲜的 1–3 栋住户".
 * Ops flagged the live 花生油 SKU as a slow mover. Rows have fixed ids, so a re-run adds nothing.
 */
export const profilesDemoSeeder: DemoSeeder = {
  name: 'profiles',
  seed: async (ctx) => {
    const platform: Platform = {
      db: ctx.db,
      clock: { now: () => ctx.now },
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      env: {},
      ports: {},
      wiring: composeAreas([]),
    }
    const households: string[] = []
    for (let b = 1; b <= 6; b++)
      for (let u = 1; u <= 2; u++)
        for (let f = 1; f <= 8; f++) for (let r = 1; r <= 2; r++) households.push(`h-${b}-${u}-${f}${String(r).padStart(2, '0')}`)
    const bindingDemo = `h-${DEMO_BINDING.building.replace('栋', '')}-${DEMO_BINDING.unit.replace('单元', '')}-${DEMO_BINDING.room}`
    const interactions: InteractionDoc[] = []
    const itemSets = new Map<string, HouseholdItemsDoc>()
    for (const householdId of households) {
      const buys: { item: (typeof ITEMS)[number]; daysAgo: number }[] = []
      const x = unit(householdId)
      if (householdId === 'h-1-1-101') buys.push({ item: ITEMS[0], daysAgo: 3 }, { item: ITEMS[3], daysAgo: 12 }, { item: ITEMS[1], daysAgo: 40 })
      else if (householdId !== bindingDemo) {
        if (x < 0.33) buys.push({ item: ITEMS[Math.floor(x * 9)], daysAgo: 1 + Math.floor(unit(`${householdId}d`) * 28) })
        if (x > 0.2 && x < 0.3) buys.push({ item: ITEMS[3 + Math.floor(unit(`${householdId}m`) * 2)], daysAgo: 5 + Math.floor(x * 40) })
        if (x > 0.6 && x < 0.7) buys.push({ item: ITEMS[5], daysAgo: 10 + Math.floor(x * 20) })
        if (x > 0.85) buys.push({ item: ITEMS[6 + Math.floor(unit(`${householdId}c`) * 2)], daysAgo: 20 + Math.floor(x * 30) })
        if (x > 0.5 && x < 0.6) buys.push({ item: ITEMS[1], daysAgo: 45 + Math.floor(x * 20) })
      }
      for (const [i, { item, daysAgo }] of buys.entries()) {
        const at = new Date(ctx.now.getTime() - daysAgo * DAY)
        interactions.push({ _id: interactionId('purchase', `demo-order-${householdId}-${i}`, householdId), householdId, communityId: DEMO_COMMUNITY_ID, kind: 'purchase', category: item.category, itemId: item.id, weight: 1, sourceId: `demo-order-${householdId}-${i}`, at, recordedAt: ctx.now })
        const set = itemSets.get(householdId) ?? { _id: householdId, communityId: DEMO_COMMUNITY_ID, items: [], categories: {}, updatedAt: ctx.now }
        if (!set.items.includes(item.id)) set.items.push(item.id)
        set.categories[item.id] = item.category
        itemSets.set(householdId, set)
      }
    }
    // Written in batches (what recordInteraction writes row by row), so seeding every test world stays quick.
    await putAll(ctx.db, INTERACTION_COLLECTION, interactions)
    await putAll(ctx.db, HOUSEHOLD_ITEMS_COLLECTION, [...itemSets.values()])
    const touched = [...itemSets.keys()]
    await rebuildSimilarity(platform, DEMO_COMMUNITY_ID)
    // What the timer's batch pass does: settings, similarities and tags loaded once for the community.
    const cache = { settings: await loadProfileSettings(ctx.db, DEMO_COMMUNITY_ID), sims: (await loadCommunitySimilarities(platform, DEMO_COMMUNITY_ID)).sims, tags: await tagsOf(ctx.db, DEMO_COMMUNITY_ID) }
    for (const householdId of touched) await recomputeHousehold(platform, householdId, cache)
    const slow: Omit<ItemDoc, '_id'> = {
      communityId: DEMO_COMMUNITY_ID,
      title: '压榨花生油 5L',
      category: '日用',
      categorySource: 'ops',
      slow: { by: 'ops', at: ctx.now, sellThrough: 0 },
      updatedAt: ctx.now,
    }
    must(await ctx.db.collection(ITEM_COLLECTION).doc('gb-demo-grain_s2').set(slow))
  },
}
