import { defineArea } from '../core/kernel/area'
import { ERROR_MESSAGES } from '../contracts/errors/base'
import { IDEMPOTENCY_COLLECTION, IDEMPOTENCY_INDEXES } from './idempotency'

/** What the function runtime itself stores (idempotency keys) and the base error codes every action may answer. */
export const runtimeArea = defineArea({
  name: 'runtime',
  collections: [IDEMPOTENCY_COLLECTION],
  indexes: IDEMPOTENCY_INDEXES,
  errors: ERROR_MESSAGES,
})
