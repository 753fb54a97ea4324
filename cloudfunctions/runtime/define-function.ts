import type { z } from 'zod'
import type { FunctionContract } from '../contracts/envelope'
import type { Platform } from '../platform/ports'
import { DomainError } from './domain-error'

/** Who is calling, as the platform says (never as the event says). */
export interface Caller {
  /** WeChat OPENID from the CloudBase context; null for console, timer and callback invocations. */
  openid: string | null
  /**
   * console: proved by a console token (production) or the local console route; timer: CloudBase's timer
   * trigger; callback: no identity and no proof — only a function's `selfVerifyingActions` accept it.
   */
  kind: 'user' | 'console' | 'timer' | 'callback'
  /** Who ran a console call: the alias signed into the console token (logged with every console action). */
  operator?: string
}

export interface ActionContext {
  caller: Caller
  platform: Platform
  /** Id of this invocation, echoed in INTERNAL errors so support can find the log line. */
  invocationId: string
  /** The client's idempotency key for mutating calls. */
  requestId?: string
  now(): Date
}

/** A user caller; actions that need a signed-in WeChat user call this first. */
export function userOpenid(ctx: ActionContext): string {
  if (!ctx.caller.openid) throw new DomainError('AUTH.UNAUTHENTICATED')
  return ctx.caller.openid
}

type Handlers<C extends FunctionContract> = {
  [K in keyof C['actions']]: (input: z.infer<C['actions'][K]['input']>, ctx: ActionContext) => Promise<z.input<C['actions'][K]['output']>>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface FunctionDefinition<C extends FunctionContract = FunctionContract<any>> {
  contract: C
  handlers: Handlers<C>
  /** Timer trigger name → job; CloudBase sends { Type: 'Timer', TriggerName } for these. */
  timers: Record<string, (ctx: ActionContext) => Promise<unknown>>
  /** Actions a console (no OPENID) caller may run; everything else needs a WeChat user. */
  consoleActions: ReadonlyArray<keyof C['actions']>
  /**
   * Actions a caller with neither OPENID nor console proof may run, because the handler trusts nothing in
   * the event (payment notifies are re-confirmed with WeChat Pay before anything changes).
   */
  selfVerifyingActions: ReadonlyArray<keyof C['actions']>
  /**
   * Console mutations that are jobs, idempotent by themselves and meant to be run again (closing runs, bill
   * runs, door readers verifying each scan): they get no derived requestId, so a re-run does new work.
   */
  consoleRerunnable: ReadonlyArray<keyof C['actions']>
}

export function defineFunction<C extends FunctionContract>(
  contract: C,
  handlers: Handlers<C>,
  options: {
    timers?: FunctionDefinition<C>['timers']
    consoleActions?: ReadonlyArray<keyof C['actions']>
    selfVerifyingActions?: ReadonlyArray<keyof C['actions']>
    consoleRerunnable?: ReadonlyArray<keyof C['actions']>
  } = {},
): FunctionDefinition<C> {
  return {
    contract,
    handlers,
    timers: options.timers ?? {},
    consoleActions: options.consoleActions ?? [],
    selfVerifyingActions: options.selfVerifyingActions ?? [],
    consoleRerunnable: options.consoleRerunnable ?? [],
  }
}
