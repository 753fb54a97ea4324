import { defineArea } from '../kernel/area'
import { HOUSEHOLD_ERROR_MESSAGES } from '../../contracts/errors/households'
import { COLLECTIONS, REGISTRY_INDEXES } from './registry-collections'
import { HOUSEHOLD_COLLECTIONS, HOUSEHOLD_INDEXES } from './household-collections'

/** The registry (communities, buildings, households, residents, staff, grids, notices) and binding. */
export const householdsArea = defineArea({
  name: 'households',
  collections: [...Object.values(COLLECTIONS), ...Object.values(HOUSEHOLD_COLLECTIONS)],
  indexes: [...REGISTRY_INDEXES, ...HOUSEHOLD_INDEXES],
  errors: HOUSEHOLD_ERROR_MESSAGES,
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { householdLabel } from './household.model'
export type { BuildingDoc, CommunityDoc, GridDoc, HouseholdDoc, ResidentDoc, StaffDoc, UserPrefsDoc } from './household.model'
export { naturalCompare } from './natural-sort'
export { COLLECTIONS } from './registry-collections'
export { parseCsv } from './registry/csv'
export { loadBuildings, loadHouseholds, loadHouseholdsByIds } from './registry/registry-load'
export { normalizeBuilding, normalizeRoom, normalizeUnit } from './registry/registry-row'
export { maskName } from './mask'
export { activeMembersOf, householdScope } from './active-members.query'
export { stewardGrids } from './steward-grid.query'
export { hashPhone, normalizePhone, phonePepper } from './phone'
export { addStaff, removeStaff } from './staff.service'
