/**
 * Compile-time checks (run by `npm run typecheck`, not by Jest): a client branch on a code the action
 * never answers does not compile; base codes and the action's own codes do.
 */
import { isActionError } from '../../../src/services/fn-error'
import { groupsContract } from '../../../cloudfunctions/contracts/groups.contract'
import { feesContract } from '../../../cloudfunctions/contracts/fees.contract'

export function typedBranches(e: unknown): boolean[] {
  return [
    isActionError(e, groupsContract, 'join', 'GROUP.NOT_VERIFIED'),
    isActionError(e, groupsContract, 'join', 'AUTH.FORBIDDEN'),
    isActionError(e, feesContract, 'pay', 'FEE.ALREADY_PAID'),
    // @ts-expect-error join never answers GROUP.OPENGID_TAKEN (bindGroup does)
    isActionError(e, groupsContract, 'join', 'GROUP.OPENGID_TAKEN'),
    // @ts-expect-error unpaid is a read: it never answers FEE.ALREADY_PAID
    isActionError(e, feesContract, 'unpaid', 'FEE.ALREADY_PAID'),
  ]
}
