import { defineIndexes } from '../kernel/indexes'

/**
 * What a household did that says something about its interests: bought, opened a card, came to an
 * event, answered content. Other areas report them through recordInteraction (index.ts); the interest
 * scores (interest.*) are computed only from these rows, so a new source of signal is one more caller,
 * never a new read of another area's collections.
 */
export const INTERACTION_KINDS = [
  'purchase',
  'card_open',
  'event_attendance',
  'content_response',
  // Facts other areas report about a household's life with the property (not interests, see below).
  'repair_filed',
  'repair_closed',
  'bill_paid_on_time',
  'bill_paid_late',
  'group_joined',
  'group_activity',
] as const
export type InteractionKind = (typeof INTERACTION_KINDS)[number]

/**
 * The kinds that say what a household likes and so feed interest scores. The fact kinds (a repair filed,
 * a bill paid late, a group joined) feed only rule tags (维修频次, 缴费习惯, 社群活跃): paying the property
 * fee says nothing about wanting 生鲜.
 */
export const INTEREST_KINDS: ReadonlySet<InteractionKind> = new Set(['purchase', 'card_open', 'event_attendance', 'content_response'])

/** How much one interaction of a kind counts before decay, unless the caller gives its own weight. */
export const DEFAULT_INTERACTION_WEIGHT: Readonly<Record<InteractionKind, number>> = {
  purchase: 1,
  event_attendance: 0.8,
  content_response: 0.5,
  card_open: 0.3,
  repair_filed: 1,
  repair_closed: 1,
  bill_paid_on_time: 1,
  bill_paid_late: 1,
  group_joined: 1,
  group_activity: 1,
}

export const INTERACTION_COLLECTION = 'household_interactions'

export interface InteractionDoc {
  /** `${kind}:${sourceId}:${householdId}`, so a repeated report of the same thing is the same row. */
  _id: string
  householdId: string
  communityId: string
  kind: InteractionKind
  /** The scenario category (生鲜, 母婴…), a tag key of the 兴趣 family (tag-catalog.ts). */
  category: string
  /** The thing interacted with (a SKU, an event…); absent when only the category is known. */
  itemId: string | null
  weight: number
  /** The caller's id of the fact (order id + line, event sign-up id…): the idempotency key. */
  sourceId: string
  at: Date
  recordedAt: Date
}

export const INTERACTION_INDEXES = defineIndexes(
  { collection: INTERACTION_COLLECTION, fields: ['householdId', 'at'] },
  { collection: INTERACTION_COLLECTION, fields: ['communityId', 'itemId'] },
  { collection: INTERACTION_COLLECTION, fields: ['communityId', 'category', 'at'] },
)

export const interactionId = (kind: InteractionKind, sourceId: string, householdId: string) => `${kind}:${sourceId}:${householdId}`
