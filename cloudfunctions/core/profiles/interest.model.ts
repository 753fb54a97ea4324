import { defineIndexes } from '../kernel/indexes'

export const INTEREST_COLLECTIONS = {
  /** One row per household and category: the decayed interest score, stored as a level (interest-math.ts). */
  interest: 'household_interest',
  /** One row per community and item: similarity(item, category) from co-purchases, rebuilt by the timer. */
  similarity: 'item_similarity',
  /** Households whose score must be recomputed (an interaction came in and the inline recompute failed). */
  dirty: 'profile_dirty',
  /** Per-community knobs: half-life, minimum buyers for co-purchase, conversion window, push caps. */
  settings: 'profile_settings',
  /** Resumable timer jobs: where a similarity rebuild or full recompute got to. */
  jobs: 'profile_jobs',
} as const

export interface InterestDoc {
  _id: string
  householdId: string
  communityId: string
  category: string
  level: number
  halfLifeDays: number
  interactions: number
  updatedAt: Date
}

export interface SimilarityDoc {
  _id: string
  communityId: string
  itemId: string
  category: string
  buyers: number
  sims: Record<string, number>
  builtAt: Date
}

export interface DirtyDoc {
  _id: string
  communityId: string
  at: Date
}

export const INTEREST_INDEXES = defineIndexes(
  { collection: INTEREST_COLLECTIONS.interest, fields: ['communityId', 'category', 'level'] },
  { collection: INTEREST_COLLECTIONS.interest, fields: ['householdId'] },
  { collection: INTEREST_COLLECTIONS.similarity, fields: ['communityId', 'builtAt'] },
  { collection: INTEREST_COLLECTIONS.dirty, fields: ['at'] },
)

export const interestId = (householdId: string, category: string) => `${householdId}:${category}`
export const similarityId = (communityId: string, itemId: string) => `${communityId}:${itemId}`
