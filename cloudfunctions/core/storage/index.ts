import { defineArea } from '../kernel/area'
import { FILE_ERROR_MESSAGES } from '../../contracts/errors/files'

/** Upload checks every area shares (files live in cloud storage, not in a collection). */
export const storageArea = defineArea({
  name: 'storage',
  collections: [],
  indexes: [],
  errors: FILE_ERROR_MESSAGES,
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { IMAGE_TYPES, checkFiles } from './file-rules'
export type { FileRules } from './file-rules'
