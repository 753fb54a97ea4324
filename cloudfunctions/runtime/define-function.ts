import type { z } from 'zod'
import type { FunctionContract } from '../contracts/envelope'
import type { ActionContext } from '../core/kernel/action-context'

export type { ActionContext, Caller } from '../core/kernel/action-context'
export { userOpenid } from '../core/kernel/action-context'

type Handlers<C extends FunctionContract> = {
  [K in keyof C['actions']]: (input: z.infer<C['actions'][K]['input']>, ctx: ActionContext) => Promise<z.input<C['actions'][K]['output']>>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface FunctionDefinition<C extends FunctionContract = FunctionContract<any, any>> {
  contract: C
  handlers: Handlers<C>
  /** Timer trigger name → job; CloudBase sends { Type: 'Timer', TriggerName } for these. */
  timers: Record<string, (ctx: ActionContext) => Promise<unknown>>
  /**
   * Actions a caller with neither OPENID nor console proof may run, because the handler trusts nothing in
   * the event (payment notifies are re-confirmed with WeChat Pay before anything changes).
   */
  selfVerifyingActions: ReadonlyArray<keyof C['actions']>
  /**
   * Console mutations meant to be run again and idempotent by themselves (jobs, upsert imports, door readers
   * verifying each scan): they get no derived requestId, so a re-run does new work (runtime/console-invoke.ts).
   */
  consoleRerunnable: ReadonlyArray<keyof C['actions']>
  /**
   * Read-only checks of a mutation that run BEFORE its request id is recorded (runtime/idempotency.ts), so
   * a refusal costs only reads: throw a DomainError to refuse. Such a refusal is not remembered — a retry
   * with the same id is judged afresh — so a precheck may only refuse for reasons that hold whoever asks
   * again (sold out, deadline passed). It never runs when the id already has a record (a retry of an
   * accepted request gets its first answer). The handler must still check everything itself.
   */
  prechecks: Prechecks<C>
}

type Prechecks<C extends FunctionContract> = {
  [K in keyof C['actions']]?: (input: z.infer<C['actions'][K]['input']>, ctx: ActionContext) => Promise<void>
}

export function defineFunction<C extends FunctionContract>(
  contract: C,
  handlers: Handlers<C>,
  options: {
    timers?: FunctionDefinition<C>['timers']
    selfVerifyingActions?: ReadonlyArray<keyof C['actions']>
    consoleRerunnable?: ReadonlyArray<keyof C['actions']>
    prechecks?: Prechecks<C>
  } = {},
): FunctionDefinition<C> {
  return {
    contract,
    handlers,
    timers: options.timers ?? {},
    selfVerifyingActions: options.selfVerifyingActions ?? [],
    consoleRerunnable: options.consoleRerunnable ?? [],
    prechecks: options.prechecks ?? {},
  }
}
