import { opsContract } from '../contracts/ops.contract'
import { OPS_HOUSEHOLDS_USER_ONLY } from '../contracts/ops-households.schemas'
import { defineFunction } from '../runtime/define-function'
import { householdsOpsHandlers } from './actions/households.actions'
import { groupbuyOpsHandlers } from './actions/groupbuy.actions'
import { feesOpsHandlers } from './actions/fees.actions'
import { attributionOpsHandlers } from './actions/attribution.actions'

/**
 * One router over per-area action modules (ops/actions/<area>.actions.ts). To add an area: its schemas in
 * contracts/ops-<area>.schemas.ts spread into ops.contract.ts, its handlers spread here, its events in
 * docs/ops.md. Console callers may run every action except those needing a WeChat identity.
 */
const USER_ONLY: readonly string[] = [...OPS_HOUSEHOLDS_USER_ONLY]

export const opsFunction = defineFunction(
  opsContract,
  {
    ...householdsOpsHandlers,
    ...groupbuyOpsHandlers,
    ...feesOpsHandlers,
    ...attributionOpsHandlers,
  },
)
