import { defineArea } from '../kernel/area'
import { METRIC_COLLECTIONS, METRIC_INDEXES } from './rollup.model'

/** Monthly figures for stewards and ops (rollups fed by attribution). */
export const metricsArea = defineArea({
  name: 'metrics',
  collections: Object.values(METRIC_COLLECTIONS),
  indexes: METRIC_INDEXES,
  errors: {},
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { buyerMarkId, firstOrderMarkId, refundMarkId } from './mark-ids'
export { addMonths, monthOf } from './month'
export { countsInSales, inConversionWindow, laterMonthMayExist, paidEffects, scopesOf } from './paid-effects'
export type { BuyerMark, FirstOrderMark } from './paid-effects'
export { ALL_TIME, METRIC_COLLECTIONS, RollupDeltas, rollupId, stewardScopeKey } from './rollup.model'
export type { RollupDoc } from './rollup.model'
export { opsDashboard } from './ops-dashboard.query'
export { stewardSelf } from './steward-dashboard.query'
/* The CSV export pieces other areas' reports reuse (merchants' monthly report). */
export { cell as csvCell } from './report-csv'
export { EXPORT_LINK_SECONDS } from './ops-export.service'
