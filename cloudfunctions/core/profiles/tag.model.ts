import { defineIndexes } from '../kernel/indexes'
import type { InteractionKind } from './interaction.model'

export const TAG_COLLECTIONS = {
  /** Tag definitions: seeded scenario tags plus what ops add (per community or for all). */
  tags: 'profile_tags',
  /** A tag on a household, with where it came from and when. */
  householdTags: 'household_tags',
} as const

/** How a rule tag is decided from behaviour (tag-rules.ts). Manual tags have none. */
export type TagRule =
  | { type: 'interest'; category: string; minScore: number }
  | {
      type: 'recent'
      kind: InteractionKind
      category: string | null
      withinDays: number
      atLeast: number
      /** The tag does not hold when this many facts of `unless.kind` fall in the same window. */
      unless?: { kind: InteractionKind; category: string | null; atLeast: number }
    }

export interface TagDoc {
  _id: string
  /** null: a seeded tag every community has. */
  communityId: string | null
  family: string
  label: string
  rule: TagRule | null
  createdBy: string
  createdAt: Date
}

export interface HouseholdTagDoc {
  /** `${householdId}:${tagId}` */
  _id: string
  householdId: string
  communityId: string
  tagId: string
  source: 'rule' | 'manual'
  /** Who set a manual tag (a steward's openid); 'system' for rule tags. */
  by: string
  at: Date
}

export const TAG_INDEXES = defineIndexes(
  { collection: TAG_COLLECTIONS.tags, fields: ['communityId'] },
  { collection: TAG_COLLECTIONS.householdTags, fields: ['communityId', 'tagId'] },
  { collection: TAG_COLLECTIONS.householdTags, fields: ['householdId'] },
)

export const householdTagId = (householdId: string, tagId: string) => `${householdId}:${tagId}`
