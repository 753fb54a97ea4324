import type { z } from 'zod'
import type { FunctionContract } from '../contracts/envelope'
import type { ActionContext } from '../core/kernel/action-context'

export type { ActionContext, Caller } from '../core/kernel/action-context'
export { userOpenid } from '../core/kernel/action-context'

type Handlers<C extends FunctionContract> = {
  [K in keyof C['actions']]: (input: z.infer<C['actions'][K]['input']>, ctx: ActionContext) => Promise<z.input<C['actions'][K]['output']>>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface FunctionDefinition<C extends FunctionContract = FunctionContract<any>> {
  contract: C
  handlers: Handlers<C>
  /** Timer trigger name → job; CloudBase sends { Type: 'Timer', TriggerName } for these. */
  timers: Record<string, (ctx: ActionContext) => Promise<unknown>>
}

export function defineFunction<C extends FunctionContract>(
  contract: C,
  handlers: Handlers<C>,
  options: { timers?: FunctionDefinition<C>['timers'] } = {},
): FunctionDefinition<C> {
  return { contract, handlers, timers: options.timers ?? {} }
}
