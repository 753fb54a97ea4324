import { defineContract } from './envelope'
import { opsHouseholdsActions } from './ops-households.schemas'
import { opsGroupbuyActions } from './ops-groupbuy.schemas'
import { opsFeesActions } from './ops-fees.schemas'
import { opsAttributionActions } from './ops-attribution.schemas'
import { opsDashboardActions } from './ops-dashboard.schemas'

/**
 * The `ops` function: events an ops person runs from the CloudBase console (or the ops pages).
 * Each area keeps its actions in contracts/ops-<area>.schemas.ts and adds one import and one spread here;
 * action names must be unique across areas. docs/ops.md documents every event with an example.
 */
export const opsContract = defineContract('ops', {
  ...opsHouseholdsActions,
  ...opsGroupbuyActions,
  ...opsFeesActions,
  ...opsAttributionActions,
  ...opsDashboardActions,
})

export type OpsContract = typeof opsContract
