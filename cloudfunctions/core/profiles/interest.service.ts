import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { INTERACTION_COLLECTION, INTEREST_KINDS, type InteractionDoc } from './interaction.model'
import { INTEREST_COLLECTIONS, interestId, type InterestDoc, type SimilarityDoc, similarityId } from './interest.model'
import { levelOf, type ScoredTerm } from './interest-math'
import { tagsOf } from './tag-catalog'
import { ruleTagChanges } from './tag-rules'
import { TAG_COLLECTIONS, type HouseholdTagDoc, type TagDoc } from './tag.model'
import { loadProfileSettings, type ProfileSettings } from './profile-settings'
import { insertOrSet, readWhereIn, removeIds, type Counter } from './batch-io'

/** The newest interactions a recompute uses; older ones have decayed to nothing at any sane half-life. */
const HISTORY_CAP = 1000
/** A stored level this close to the new one is the same score: the row is not rewritten. */
const LEVEL_EPSILON = 1e-9

export interface RecomputeResult {
  householdId: string
  categories: number
  dbCalls: number
}

/** What a batch run loads once per community instead of once per household. */
export interface RecomputeCache {
  settings?: ProfileSettings
  /** Every similarity row of the community, by item id. */
  sims?: ReadonlyMap<string, SimilarityDoc>
  tags?: readonly TagDoc[]
}

type InterestRow = Pick<InterestDoc, '_id' | 'householdId' | 'level' | 'halfLifeDays' | 'interactions'>

/** Similarity rows of the given items, 100 ids per read. */
async function similaritiesOf(platform: Platform, communityId: string, itemIds: string[], count: Counter): Promise<ReadonlyMap<string, SimilarityDoc>> {
  const rows = await readWhereIn<SimilarityDoc>(platform.db, INTEREST_COLLECTIONS.similarity, '_id', itemIds.map((id) => similarityId(communityId, id)), count)
  return new Map(rows.map((r) => [r.itemId, r]))
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const r of rows) {
    const k = key(r)
    const list = out.get(k)
    if (list) list.push(r)
    else out.set(k, [r])
  }
  return out
}

/** Interest levels per category from a household's interactions (only the interest kinds count). */
function levelsOf(interactions: readonly InteractionDoc[], sims: ReadonlyMap<string, SimilarityDoc>, halfLifeDays: number): Map<string, { level: number; terms: number }> {
  const terms = new Map<string, ScoredTerm[]>()
  for (const it of interactions) {
    if (!INTEREST_KINDS.has(it.kind)) continue
    const at = new Date(it.at)
    const spread = (it.itemId && sims.get(it.itemId)?.sims) || { [it.category]: 1 }
    for (const [category, similarity] of Object.entries(spread)) {
      const list = terms.get(category)
      if (list) list.push({ weight: it.weight, similarity, at })
      else terms.set(category, [{ weight: it.weight, similarity, at }])
    }
  }
  const out = new Map<string, { level: number; terms: number }>()
  for (const [category, list] of terms) {
    const level = levelOf(list, halfLifeDays)
    if (level !== null) out.set(category, { level, terms: list.length })
  }
  return out
}

/**
 * Recomputes the interest in every category and the rule tags of a batch of households of one community
 * from their interactions: each interest interaction spreads its weight over the categories its item is
 * similar to (item_similarity), or only over its own category when the item is new or absent (the category
 * fallback); fact kinds (repairs, bills, groups) feed only the rule tags. Reads are batched (a few calls
 * per hundred households); rows are written only where they changed: new ones in batch adds, changed ones
 * with set(), vanished ones removed by id. Idempotent, so the order effect, the touch path and the timer
 * may all call it, also concurrently, and a re-run after a crash ends in the same state.
 */
export async function recomputeHouseholds(platform: Platform, communityId: string, householdIds: readonly string[], cache: RecomputeCache = {}): Promise<{ dbCalls: number; categories: Map<string, number> }> {
  const db = platform.db
  let dbCalls = 0
  const count = () => void dbCalls++
  const categories = new Map<string, number>()
  if (householdIds.length === 0) return { dbCalls, categories }
  const interactionsByHousehold = groupBy(await readWhereIn<InteractionDoc>(db, INTERACTION_COLLECTION, 'householdId', householdIds, count), (r) => r.householdId)
  const existingByHousehold = groupBy(await readWhereIn<InterestRow>(db, INTEREST_COLLECTIONS.interest, 'householdId', householdIds, count), (r) => r.householdId)
  const tagsByHousehold = groupBy(await readWhereIn<HouseholdTagDoc>(db, TAG_COLLECTIONS.householdTags, 'householdId', householdIds, count), (r) => r.householdId)
  if (!cache.settings) count()
  const settings = cache.settings ?? (await loadProfileSettings(db, communityId))
  let sims = cache.sims
  if (!sims) {
    const items = new Set<string>()
    for (const list of interactionsByHousehold.values()) for (const i of list) if (i.itemId && INTEREST_KINDS.has(i.kind)) items.add(i.itemId)
    sims = await similaritiesOf(platform, communityId, [...items], count)
  }
  if (!cache.tags) count()
  const tags = cache.tags ?? (await tagsOf(db, communityId))
  const now = platform.clock.now()
  const inserts: InterestDoc[] = []
  const updates: InterestDoc[] = []
  const stale: string[] = []
  const tagAdds: HouseholdTagDoc[] = []
  const tagRemovals: string[] = []
  for (const householdId of householdIds) {
    // Newest first, capped: the history a single recompute has always used.
    const interactions = (interactionsByHousehold.get(householdId) ?? []).sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime()).slice(0, HISTORY_CAP)
    const levels = levelsOf(interactions, sims, settings.halfLifeDays)
    const existing = new Map((existingByHousehold.get(householdId) ?? []).map((r) => [r._id, r]))
    for (const [category, { level, terms }] of levels) {
      const id = interestId(householdId, category)
      const doc: InterestDoc = { _id: id, householdId, communityId, category, level, halfLifeDays: settings.halfLifeDays, interactions: terms, updatedAt: now }
      const old = existing.get(id)
      if (!old) inserts.push(doc)
      else if (Math.abs(old.level - level) > LEVEL_EPSILON || old.halfLifeDays !== settings.halfLifeDays || old.interactions !== terms) updates.push(doc)
      existing.delete(id)
    }
    stale.push(...existing.keys())
    categories.set(householdId, levels.size)
    const changes = ruleTagChanges(householdId, communityId, tags, tagsByHousehold.get(householdId) ?? [], interactions, new Map([...levels].map(([c, v]) => [c, v.level])), settings.halfLifeDays, now)
    tagAdds.push(...changes.add)
    tagRemovals.push(...changes.remove)
  }
  await insertOrSet(db, INTEREST_COLLECTIONS.interest, inserts as unknown as ({ _id: string } & Record<string, unknown>)[], count)
  for (const { _id, ...fields } of updates) {
    count()
    must(await db.collection(INTEREST_COLLECTIONS.interest).doc(_id).set(fields))
  }
  await removeIds(db, INTEREST_COLLECTIONS.interest, stale, count)
  await insertOrSet(db, TAG_COLLECTIONS.householdTags, tagAdds as unknown as ({ _id: string } & Record<string, unknown>)[], count)
  // Only rule tags: a steward may have set the same tag by hand since it was read.
  await removeIds(db, TAG_COLLECTIONS.householdTags, tagRemovals, count, { source: 'rule' })
  return { dbCalls, categories }
}

/** One household (the incremental path after a new interaction, and the dirty marks). */
export async function recomputeHousehold(platform: Platform, householdId: string, cache: RecomputeCache = {}): Promise<RecomputeResult> {
  const db = platform.db
  // The household's community: from any of its interactions (a household without any has nothing to score).
  const newest = must(await db.collection(INTERACTION_COLLECTION).where({ householdId }).field({ communityId: true }).limit(1).get()).data as { communityId: string }[]
  if (newest.length === 0) {
    const existing = must(await db.collection(INTEREST_COLLECTIONS.interest).where({ householdId }).field({ _id: true }).limit(100).get()).data as { _id: string }[]
    let dbCalls = 2
    await removeIds(db, INTEREST_COLLECTIONS.interest, existing.map((r) => r._id), () => void dbCalls++)
    return { householdId, categories: 0, dbCalls }
  }
  const r = await recomputeHouseholds(platform, newest[0].communityId, [householdId], cache)
  return { householdId, categories: r.categories.get(householdId) ?? 0, dbCalls: r.dbCalls + 1 }
}

/** Marks a household for the timer (used when an inline recompute failed; the mark is the retry). */
export async function markDirty(platform: Platform, householdId: string, communityId: string): Promise<void> {
  must(await platform.db.collection(INTEREST_COLLECTIONS.dirty).doc(householdId).set({ communityId, at: platform.clock.now() }))
}

/**
 * Recompute after a new interaction, best effort: the interaction is already stored, so a failure here
 * leaves a dirty mark for the timer instead of failing the caller (a check-out, a paid order).
 */
export async function refreshAfterInteraction(platform: Platform, householdId: string, communityId: string): Promise<void> {
  try {
    await recomputeHouseholds(platform, communityId, [householdId])
  } catch (e) {
    platform.logger.warn('profiles.interest_recompute_failed', { householdId, errorMessage: (e as Error).message })
    await markDirty(platform, householdId, communityId).catch(() => undefined)
  }
}

/** Every similarity row of a community (a community sells hundreds to a few thousand items). */
export async function loadCommunitySimilarities(platform: Platform, communityId: string): Promise<{ sims: Map<string, SimilarityDoc>; dbCalls: number }> {
  let dbCalls = 0
  const rows = await readWhereIn<SimilarityDoc>(platform.db, INTEREST_COLLECTIONS.similarity, 'communityId', [communityId], () => void dbCalls++)
  return { sims: new Map(rows.map((r) => [r.itemId, r])), dbCalls }
}
