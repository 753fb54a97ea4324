import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { HOUSEHOLD_ITEMS_COLLECTION, type HouseholdItemsDoc } from './household-items'
import { INTEREST_COLLECTIONS, similarityId, type SimilarityDoc } from './interest.model'
import { loadProfileSettings } from './profile-settings'

const PAGE = 1000

export interface SimilarityBuild {
  communityId: string
  households: number
  items: number
  dbCalls: number
}

/**
 * Rebuilds similarity(item, category) for one community from the households' item sets:
 * buyers per item and co-purchase counts per item pair (pairs within each household's set, so the work is
 * Σ k² over households, not items²), then for each item and each other category the best cosine to an
 * item of that category (interest-math.ts explains the rule). Each item's row is written with set(), so
 * a crashed rebuild simply runs again from the start on the next timer tick and ends in the same state.
 */
export async function rebuildSimilarity(platform: Platform, communityId: string): Promise<SimilarityBuild> {
  const db = platform.db
  const _ = db.command
  let dbCalls = 1
  const settings = await loadProfileSettings(db, communityId)
  const buyers = new Map<string, number>()
  const pairs = new Map<string, Map<string, number>>()
  const category = new Map<string, string>()
  let households = 0
  let after = ''
  for (;;) {
    dbCalls++
    const page = must(
      await db.collection(HOUSEHOLD_ITEMS_COLLECTION).where({ communityId, _id: _.gt(after) }).orderBy('_id', 'asc').limit(PAGE).get(),
    ).data as HouseholdItemsDoc[]
    for (const h of page) {
      households++
      const items = [...new Set(h.items)]
      for (const item of items) {
        buyers.set(item, (buyers.get(item) ?? 0) + 1)
        if (h.categories?.[item]) category.set(item, h.categories[item])
      }
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const [a, b] = items[i] < items[j] ? [items[i], items[j]] : [items[j], items[i]]
          const row = pairs.get(a) ?? new Map<string, number>()
          row.set(b, (row.get(b) ?? 0) + 1)
          pairs.set(a, row)
        }
      }
    }
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  const sims = new Map<string, Record<string, number>>()
  for (const [item, cat] of category) sims.set(item, { [cat]: 1 })
  const trusted = (item: string) => (buyers.get(item) ?? 0) >= settings.minBuyers
  for (const [a, row] of pairs) {
    for (const [b, both] of row) {
      if (!trusted(a) || !trusted(b)) continue
      const cos = Math.round((both / Math.sqrt(buyers.get(a)! * buyers.get(b)!)) * 1e6) / 1e6
      const [ca, cb] = [category.get(a), category.get(b)]
      if (!ca || !cb || ca === cb) continue
      const sa = sims.get(a)!
      const sb = sims.get(b)!
      sa[cb] = Math.max(sa[cb] ?? 0, cos)
      sb[ca] = Math.max(sb[ca] ?? 0, cos)
    }
  }
  const now = platform.clock.now()
  for (const [itemId, s] of sims) {
    const doc: Omit<SimilarityDoc, '_id'> = { communityId, itemId, category: category.get(itemId)!, buyers: buyers.get(itemId) ?? 0, sims: s, builtAt: now }
    dbCalls++
    must(await db.collection(INTEREST_COLLECTIONS.similarity).doc(similarityId(communityId, itemId)).set(doc))
  }
  return { communityId, households, items: sims.size, dbCalls }
}
