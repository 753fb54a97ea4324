import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { INTERACTION_COLLECTION, type InteractionDoc } from './interaction.model'
import { INTEREST_COLLECTIONS, interestId, type InterestDoc, type SimilarityDoc, similarityId } from './interest.model'
import { levelOf, type ScoredTerm } from './interest-math'
import { tagsOf } from './tag-catalog'
import { applyRuleTags } from './tag-rules'
import type { TagDoc } from './tag.model'
import { loadProfileSettings, type ProfileSettings } from './profile-settings'

/** The newest interactions a recompute reads; older ones have decayed to nothing at any sane half-life. */
const HISTORY_CAP = 1000
const IN_CHUNK = 100

export interface RecomputeResult {
  householdId: string
  categories: number
  dbCalls: number
}

/** Similarity rows of the given items, 100 ids per read. */
async function similaritiesOf(platform: Platform, communityId: string, itemIds: string[], count: () => void): Promise<ReadonlyMap<string, SimilarityDoc>> {
  const _ = platform.db.command
  const out = new Map<string, SimilarityDoc>()
  for (let i = 0; i < itemIds.length; i += IN_CHUNK) {
    const ids = itemIds.slice(i, i + IN_CHUNK).map((id) => similarityId(communityId, id))
    count()
    const rows = must(await platform.db.collection(INTEREST_COLLECTIONS.similarity).where({ _id: _.in(ids) }).limit(IN_CHUNK).get()).data as SimilarityDoc[]
    for (const r of rows) out.set(r.itemId, r)
  }
  return out
}

/**
 * Recomputes one household's interest in every category from its interactions: each interaction spreads
 * its weight over the categories its item is similar to (item_similarity), or only over its own category
 * when the item is new or absent (the category fallback). Writes one row per category (set: a re-run writes
 * the same values) and removes categories that no longer score. Idempotent, so the order listener, the
 * touch path and the timer may all call it.
 */
/** What a batch run loads once per community instead of once per household. */
export interface RecomputeCache {
  settings?: ProfileSettings
  /** Every similarity row of the community, by item id. */
  sims?: ReadonlyMap<string, SimilarityDoc>
  tags?: readonly TagDoc[]
}

export async function recomputeHousehold(platform: Platform, householdId: string, cache: RecomputeCache = {}): Promise<RecomputeResult> {
  const db = platform.db
  let dbCalls = 0
  const count = () => void dbCalls++
  dbCalls++
  const interactions = must(
    await db.collection(INTERACTION_COLLECTION).where({ householdId }).orderBy('at', 'desc').limit(HISTORY_CAP).get(),
  ).data as InteractionDoc[]
  dbCalls++
  const existing = must(await db.collection(INTEREST_COLLECTIONS.interest).where({ householdId }).field({ _id: true }).limit(100).get()).data as { _id: string }[]
  if (interactions.length === 0) {
    for (const row of existing) {
      dbCalls++
      must(await db.collection(INTEREST_COLLECTIONS.interest).doc(row._id).remove())
    }
    return { householdId, categories: 0, dbCalls }
  }
  const communityId = interactions[0].communityId
  if (!cache.settings) dbCalls++
  const settings = cache.settings ?? (await loadProfileSettings(db, communityId))
  const itemIds = [...new Set(interactions.map((i) => i.itemId).filter((id): id is string => !!id))]
  const sims = cache.sims ?? (await similaritiesOf(platform, communityId, itemIds, count))
  const terms = new Map<string, ScoredTerm[]>()
  for (const it of interactions) {
    const at = new Date(it.at)
    const spread = (it.itemId && sims.get(it.itemId)?.sims) || { [it.category]: 1 }
    for (const [category, similarity] of Object.entries(spread)) terms.set(category, [...(terms.get(category) ?? []), { weight: it.weight, similarity, at }])
  }
  const now = platform.clock.now()
  const keep = new Set<string>()
  const levels = new Map<string, number>()
  for (const [category, list] of terms) {
    const level = levelOf(list, settings.halfLifeDays)
    if (level === null) continue
    levels.set(category, level)
    const doc: Omit<InterestDoc, '_id'> = { householdId, communityId, category, level, halfLifeDays: settings.halfLifeDays, interactions: list.length, updatedAt: now }
    const id = interestId(householdId, category)
    keep.add(id)
    dbCalls++
    must(await db.collection(INTEREST_COLLECTIONS.interest).doc(id).set(doc))
  }
  for (const row of existing) {
    if (keep.has(row._id)) continue
    dbCalls++
    must(await db.collection(INTEREST_COLLECTIONS.interest).doc(row._id).remove())
  }
  if (!cache.tags) dbCalls++
  const tags = cache.tags ?? (await tagsOf(db, communityId))
  dbCalls += await applyRuleTags(platform, householdId, communityId, tags, interactions, levels, settings.halfLifeDays)
  return { householdId, categories: keep.size, dbCalls }
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
    await recomputeHousehold(platform, householdId)
  } catch (e) {
    platform.logger.warn('profiles.interest_recompute_failed', { householdId, errorMessage: (e as Error).message })
    await markDirty(platform, householdId, communityId).catch(() => undefined)
  }
}

/** Every similarity row of a community (a community sells hundreds to a few thousand items). */
export async function loadCommunitySimilarities(platform: Platform, communityId: string): Promise<{ sims: Map<string, SimilarityDoc>; dbCalls: number }> {
  const _ = platform.db.command
  const sims = new Map<string, SimilarityDoc>()
  let after = ''
  let dbCalls = 0
  for (;;) {
    dbCalls++
    const page = must(
      await platform.db.collection(INTEREST_COLLECTIONS.similarity).where({ communityId, _id: _.gt(after) }).orderBy('_id', 'asc').limit(1000).get(),
    ).data as SimilarityDoc[]
    for (const r of page) sims.set(r.itemId, r)
    if (page.length < 1000) return { sims, dbCalls }
    after = page[page.length - 1]._id
  }
}
