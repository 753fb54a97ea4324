import { audienceOf, defineContract } from './envelope'
import { codesOf } from './errors'
import { ATTRIBUTION_ERROR_MESSAGES } from './errors/attribution'
import { FEE_ERROR_MESSAGES } from './errors/fees'
import { FILE_ERROR_MESSAGES } from './errors/files'
import { GROUPBUY_ERROR_MESSAGES } from './errors/groupbuy'
import { HOUSEHOLD_ERROR_MESSAGES } from './errors/households'
import { ORDER_ERROR_MESSAGES } from './errors/orders'
import { opsHouseholdsActions } from './ops-households.schemas'
import { opsGroupbuyActions } from './ops-groupbuy.schemas'
import { opsFeesActions } from './ops-fees.schemas'
import { opsAttributionActions } from './ops-attribution.schemas'

/**
 * The `ops` function: events an ops person runs from the CloudBase console (or the ops pages).
 * Each area keeps its actions in contracts/ops-<area>.schemas.ts and adds one import and one spread here;
 * action names must be unique across areas. docs/ops.md documents every event with an example.
 */
const opsActions = {
  ...opsHouseholdsActions,
  ...opsGroupbuyActions,
  ...opsFeesActions,
  ...opsAttributionActions,
}

/** Ops of a community (in the mini-program) or the console; bootstrapOps is how the first ops person is made. */
export const opsContract = defineContract('ops', opsActions, {
  audience: audienceOf(opsActions, ['ops', 'console'], { bootstrapOps: ['user'] }),
  errors: [
    ...codesOf(HOUSEHOLD_ERROR_MESSAGES),
    ...codesOf(GROUPBUY_ERROR_MESSAGES),
    ...codesOf(FEE_ERROR_MESSAGES),
    ...codesOf(ATTRIBUTION_ERROR_MESSAGES),
    ...codesOf(ORDER_ERROR_MESSAGES),
    ...codesOf(FILE_ERROR_MESSAGES),
  ],
})

export type OpsContract = typeof opsContract
