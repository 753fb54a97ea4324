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
