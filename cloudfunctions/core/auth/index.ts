

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export type { CallerAccess, ResourceScope } from './access.model'
export { authorize, can, communitiesWhere, communityWhere } from './authorize'
export { loadAccess } from './load-access'
export { householdViews } from './household-views'
export { DEFAULT_SHARING, seesWholeHousehold, sharingOf, type HouseholdSharing } from './household-sharing'
