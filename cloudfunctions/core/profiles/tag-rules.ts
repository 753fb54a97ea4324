import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import type { InteractionDoc } from './interaction.model'
import { scoreAt } from './interest-math'
import { TAG_COLLECTIONS, householdTagId, type HouseholdTagDoc, type TagDoc } from './tag.model'

const DAY_MS = 86_400_000

/** Does the household's behaviour meet the tag's rule now? */
export function ruleHolds(tag: TagDoc, interactions: readonly InteractionDoc[], levels: ReadonlyMap<string, number>, halfLifeDays: number, now: Date): boolean {
  const rule = tag.rule
  if (!rule) return false
  if (rule.type === 'interest') {
    const level = levels.get(rule.category)
    return level !== undefined && scoreAt(level, now, halfLifeDays) >= rule.minScore
  }
  const since = now.getTime() - rule.withinDays * DAY_MS
  const hits = interactions.filter((i) => i.kind === rule.kind && (rule.category === null || i.category === rule.category) && new Date(i.at).getTime() >= since)
  return hits.length >= rule.atLeast
}

/**
 * Brings the household's rule tags in line with its behaviour: adds the ones that now hold (source rule,
 * time now), removes rule tags that no longer hold. Manual tags are never touched here.
 */
export async function applyRuleTags(
  platform: Platform,
  householdId: string,
  communityId: string,
  tags: readonly TagDoc[],
  interactions: readonly InteractionDoc[],
  levels: ReadonlyMap<string, number>,
  halfLifeDays: number,
): Promise<number> {
  const db = platform.db
  const now = platform.clock.now()
  let dbCalls = 1
  const current = must(await db.collection(TAG_COLLECTIONS.householdTags).where({ householdId }).limit(1000).get()).data as HouseholdTagDoc[]
  const have = new Map(current.map((t) => [t.tagId, t]))
  for (const tag of tags) {
    if (!tag.rule) continue
    const holds = ruleHolds(tag, interactions, levels, halfLifeDays, now)
    const existing = have.get(tag._id)
    if (holds && !existing) {
      const doc: Omit<HouseholdTagDoc, '_id'> = { householdId, communityId, tagId: tag._id, source: 'rule', by: 'system', at: now }
      dbCalls++
      must(await db.collection(TAG_COLLECTIONS.householdTags).doc(householdTagId(householdId, tag._id)).set(doc))
    } else if (!holds && existing?.source === 'rule') {
      dbCalls++
      must(await db.collection(TAG_COLLECTIONS.householdTags).doc(existing._id).remove())
    }
  }
  return dbCalls
}
