import type { InteractionDoc } from './interaction.model'
import { scoreAt } from './interest-math'
import { householdTagId, type HouseholdTagDoc, type TagDoc } from './tag.model'

const DAY_MS = 86_400_000

/** Does the household's behaviour meet the tag's rule now? (Thresholds: docs/profiles.md, "Rule tags".) */
export function ruleHolds(tag: TagDoc, interactions: readonly InteractionDoc[], levels: ReadonlyMap<string, number>, halfLifeDays: number, now: Date): boolean {
  const rule = tag.rule
  if (!rule) return false
  if (rule.type === 'interest') {
    const level = levels.get(rule.category)
    return level !== undefined && scoreAt(level, now, halfLifeDays) >= rule.minScore
  }
  const since = now.getTime() - rule.withinDays * DAY_MS
  const within = (i: InteractionDoc) => new Date(i.at).getTime() >= since && new Date(i.at).getTime() <= now.getTime()
  const hits = interactions.filter((i) => i.kind === rule.kind && (rule.category === null || i.category === rule.category) && within(i))
  if (hits.length < rule.atLeast) return false
  // "unless": a contrary fact in the same window cancels the tag (a late payment cancels 按时缴费).
  const unless = rule.unless
  if (!unless) return true
  return interactions.filter((i) => i.kind === unless.kind && (unless.category === null || i.category === unless.category) && within(i)).length < unless.atLeast
}

export interface RuleTagChanges {
  add: HouseholdTagDoc[]
  /** Ids of rule tags that no longer hold (manual tags are never in here). */
  remove: string[]
}

/**
 * What brings one household's rule tags in line with its behaviour: the ones that now hold and are
 * missing (source rule, by system, time now), and the rule tags it has that no longer hold.
 */
export function ruleTagChanges(
  householdId: string,
  communityId: string,
  tags: readonly TagDoc[],
  current: readonly HouseholdTagDoc[],
  interactions: readonly InteractionDoc[],
  levels: ReadonlyMap<string, number>,
  halfLifeDays: number,
  now: Date,
): RuleTagChanges {
  const have = new Map(current.map((t) => [t.tagId, t]))
  const out: RuleTagChanges = { add: [], remove: [] }
  for (const tag of tags) {
    if (!tag.rule) continue
    const holds = ruleHolds(tag, interactions, levels, halfLifeDays, now)
    const existing = have.get(tag._id)
    if (holds && !existing) out.add.push({ _id: householdTagId(householdId, tag._id), householdId, communityId, tagId: tag._id, source: 'rule', by: 'system', at: now })
    else if (!holds && existing?.source === 'rule') out.remove.push(existing._id)
  }
  return out
}
