import { defineIndexes } from '../kernel/indexes'

/** Collection names in one place; the CloudBase console shows these to ops. */
export const COLLECTIONS = {
  communities: 'communities',
  buildings: 'buildings',
  households: 'households',
  residents: 'residents',
  staff: 'staff',
  grids: 'grids',
  notices: 'notices',
  userPrefs: 'user_prefs',
} as const

export const REGISTRY_INDEXES = defineIndexes(
  { collection: COLLECTIONS.buildings, fields: ['communityId'] },
  { collection: COLLECTIONS.households, fields: ['communityId', 'buildingId'] },
  { collection: COLLECTIONS.households, fields: ['buildingId'] },
  { collection: COLLECTIONS.residents, fields: ['openid', 'status'] },
  { collection: COLLECTIONS.residents, fields: ['householdId', 'status'] },
  { collection: COLLECTIONS.staff, fields: ['openid', 'status'] },
  { collection: COLLECTIONS.staff, fields: ['communityId', 'role'] },
  { collection: COLLECTIONS.grids, fields: ['communityId'] },
  { collection: COLLECTIONS.notices, fields: ['communityId'] },
)
