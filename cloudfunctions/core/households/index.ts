import { defineArea } from '../kernel/area'
import { HOUSEHOLD_ERROR_MESSAGES } from '../../contracts/errors/households'
import { COLLECTIONS, REGISTRY_INDEXES } from '../shared/collections'
import { HOUSEHOLD_COLLECTIONS, HOUSEHOLD_INDEXES } from './household-collections'

/** The registry (communities, buildings, households, residents, staff, grids, notices) and binding. */
export const householdsArea = defineArea({
  name: 'households',
  collections: [...Object.values(COLLECTIONS), ...Object.values(HOUSEHOLD_COLLECTIONS)],
  indexes: [...REGISTRY_INDEXES, ...HOUSEHOLD_INDEXES],
  errors: HOUSEHOLD_ERROR_MESSAGES,
})
