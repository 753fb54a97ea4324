import { defineArea } from '../kernel/area'
import { FILE_ERROR_MESSAGES } from '../../contracts/errors/files'

/** Upload checks every area shares (files live in cloud storage, not in a collection). */
export const storageArea = defineArea({
  name: 'storage',
  collections: [],
  indexes: [],
  errors: FILE_ERROR_MESSAGES,
})
