import type { Db } from '@cloudbase/database'
import { defineIndexes } from '../kernel/indexes'
import { isDuplicateKey, must } from '../kernel/db-result'

/**
 * The distinct items each household has bought, one small document per household. The similarity rebuild
 * reads these (100k households = 100k rows) instead of every purchase (1M orders and growing), and the
 * co-purchase counts come from pairs within each set.
 */
export const HOUSEHOLD_ITEMS_COLLECTION = 'household_item_sets'

export interface HouseholdItemsDoc {
  _id: string
  communityId: string
  items: string[]
  /** item → category, as the purchases reported it. */
  categories: Record<string, string>
  updatedAt: Date
}

export const HOUSEHOLD_ITEMS_INDEXES = defineIndexes({ collection: HOUSEHOLD_ITEMS_COLLECTION, fields: ['communityId'] })

/** Adds an item to the household's set; repeats change nothing ($addToSet), two first purchases racing both land. */
export async function addBoughtItem(db: Db, householdId: string, communityId: string, itemId: string, category: string, now: Date): Promise<void> {
  const _ = db.command
  const coll = db.collection(HOUSEHOLD_ITEMS_COLLECTION)
  const update = { items: _.addToSet(itemId), [`categories.${itemId}`]: category, updatedAt: now }
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = must(await coll.where({ _id: householdId }).update(update)) as { updated?: number }
    if ((res.updated ?? 0) > 0) return
    try {
      must(await coll.add({ _id: householdId, communityId, items: [itemId], categories: { [itemId]: category }, updatedAt: now }))
      return
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
    }
  }
}
