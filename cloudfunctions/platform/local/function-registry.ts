import type { FunctionDefinition } from '../../runtime/define-function'
import { householdsFunction } from '../../households/households.function'

/**
 * Every deployable function, by its CloudBase name. The local gateway and the tests invoke these;
 * a test keeps this list, the function folders and cloudbaserc.json in step.
 */
export const functionRegistry: Record<string, FunctionDefinition> = {
  households: householdsFunction,
}
