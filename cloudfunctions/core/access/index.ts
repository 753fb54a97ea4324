import { defineArea } from '../kernel/area'
import { ACCESS_ERRORS } from '../../contracts/errors/access'
import { ACCESS_COLLECTIONS, ACCESS_INDEXES } from './access.model'

/** 门禁: resident and visitor passes, remote opens, reader verification and the access log. */
export const accessArea = defineArea({
  name: 'access',
  collections: Object.values(ACCESS_COLLECTIONS),
  indexes: ACCESS_INDEXES,
  errors: ACCESS_ERRORS,
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { isVerifiable, signingKey } from './pass-keys'
export { passKeysOf } from './access-ports'
