import { defineArea } from '../kernel/area'
import { METRIC_COLLECTIONS, METRIC_INDEXES } from './rollup.model'

/** Monthly figures for stewards and ops (rollups fed by attribution). */
export const metricsArea = defineArea({
  name: 'metrics',
  collections: Object.values(METRIC_COLLECTIONS),
  indexes: METRIC_INDEXES,
  errors: {},
})
