import type { FunctionDefinition } from '../../runtime/define-function'
import { householdsFunction } from '../../households/households.function'
import { opsFunction } from '../../ops/ops.function'
import { groupsFunction } from '../../groups/groups.function'
import { profilesFunction } from '../../profiles/profiles.function'
import { accessFunction } from '../../access/access.function'
import { ordersFunction } from '../../orders/orders.function'
import { paycallbackFunction } from '../../paycallback/paycallback.function'
import { repairsFunction } from '../../repairs/repairs.function'
import { groupbuyFunction } from '../../groupbuy/groupbuy.function'
import { feesFunction } from '../../fees/fees.function'
import { attributionFunction } from '../../attribution/attribution.function'

/**
 * Every deployable function, by its CloudBase name. The local gateway and the tests invoke these;
 * a test keeps this list, the function folders and cloudbaserc.json in step.
 */
export const functionRegistry: Record<string, FunctionDefinition> = {
  households: householdsFunction,
  ops: opsFunction,
  groups: groupsFunction,
  profiles: profilesFunction,
  access: accessFunction,
  orders: ordersFunction,
  paycallback: paycallbackFunction,
  repairs: repairsFunction,
  groupbuy: groupbuyFunction,
  fees: feesFunction,
  attribution: attributionFunction,
}
