import type { z } from 'zod'
import type { ActionContract } from '../../contracts/envelope'
import type { ActionContext } from '../../runtime/define-function'

/** The handlers of one area's ops actions, typed by that area's schema module (contracts/ops-<area>.schemas.ts). */
export type OpsHandlers<A extends Record<string, ActionContract>> = {
  [K in keyof A]: (input: z.infer<A[K]['input']>, ctx: ActionContext) => Promise<z.input<A[K]['output']>>
}
