import { defineIndexes } from '../kernel/indexes'

/** Collections only the households area writes (the shared registry ones are in core/shared/collections). */
export const HOUSEHOLD_COLLECTIONS = {
  invites: 'household_invites',
  /** Failure counters (binding attempts); documents expire via expireAt. */
  rateLimits: 'rate_limits',
  /** One document per community: which steward owns which building. */
  gridIndex: 'grid_index',
} as const

export const HOUSEHOLD_INDEXES = defineIndexes(
  { collection: HOUSEHOLD_COLLECTIONS.rateLimits, fields: ['expireAt'] },
  { collection: HOUSEHOLD_COLLECTIONS.invites, fields: ['expiresAt'] },
  { collection: 'grids', fields: ['communityId', 'stewardOpenid'] },
  { collection: 'grids', fields: ['stewardOpenid'] },
  { collection: 'residents', fields: ['householdId', 'openid'] },
)
