import type { Db } from '@cloudbase/database'
import { defineIndexes } from '../kernel/indexes'
import { must } from '../kernel/db-result'

/**
 * What the profiles area knows about a sellable item (a group-buy SKU, a home service): its scenario
 * category, set by ops or guessed from the title, and whether ops or the detector call it a slow mover.
 */
export const ITEM_COLLECTION = 'profile_items'

export interface ItemDoc {
  /** The item's own id (SKU id, service item id): unique across the project. */
  _id: string
  communityId: string
  title: string
  category: string
  categorySource: 'ops' | 'title'
  /** Slow-mover flag: who said so and when; null when the item sells. */
  slow: { by: 'ops' | 'detector'; at: Date; sellThrough: number | null } | null
  /**
   * Ops cleared the flag (dismissed it) at this sell-through: the detector leaves the SKU alone until a
   * full window has passed or its sell-through falls below this (slow-movers.service.ts, redetectable).
   */
  cleared?: { at: Date; sellThrough: number } | null
  updatedAt: Date
}

export const ITEM_INDEXES = defineIndexes({ collection: ITEM_COLLECTION, fields: ['communityId', 'category'] })

/** The scenario categories interest is scored in (one list, in the contract the pages also read). */
export { INTEREST_CATEGORIES } from '../../contracts/profiles-segment.schemas'

const TITLE_RULES: [RegExp, string][] = [
  [/猫|狗|宠|犬/, '宠物'],
  [/奶粉|尿|婴|宝宝|儿童|孕/, '母婴'],
  [/保洁|家政|清洗|收纳|月嫂|保姆/, '家政'],
  [/维修|疏通|换锁|安装/, '维修服务'],
  [/空调|冰箱|洗衣机|电视|热水器|净水|家电/, '家电'],
  [/菜|果|橙|桃|莓|梨|柑|肉|蛋|鱼|虾|蟹|鸡|牛奶|米|面|豆腐|生鲜/, '生鲜'],
]

/** The category a title suggests, when ops have not set one: first matching rule, else 日用. */
export function categoryFromTitle(title: string): string {
  for (const [re, category] of TITLE_RULES) if (re.test(title)) return category
  return '日用'
}

/** The items' categories: the catalog's row when there is one, else the title's guess. */
export async function categoriesOf(db: Db, items: { itemId: string; title: string }[]): Promise<Map<string, string>> {
  const _ = db.command
  const ids = [...new Set(items.map((i) => i.itemId))]
  const rows = ids.length ? (must(await db.collection(ITEM_COLLECTION).where({ _id: _.in(ids) }).limit(ids.length).get()).data as ItemDoc[]) : []
  const known = new Map(rows.map((r) => [r._id, r.category]))
  return new Map(items.map((i) => [i.itemId, known.get(i.itemId) ?? categoryFromTitle(i.title)]))
}
