import type { Platform } from './platform'
import { DomainError } from './domain-error'
import type { CallerAccess } from './caller-access'

/** Who is calling, as the platform says (never as the event says). */
export interface Caller {
  /** WeChat OPENID from the CloudBase context; null for console and timer invocations. */
  openid: string | null
  kind: 'user' | 'console' | 'timer'
}

/** What every use case receives: the caller, the platform (db, clock, logger, env, typed ports) and the call's ids. */
export interface ActionContext {
  caller: Caller
  platform: Platform
  /** Id of this invocation, echoed in INTERNAL errors so support can find the log line. */
  invocationId: string
  /** The client's idempotency key for mutating calls. */
  requestId?: string
  now(): Date
  /**
   * The signed-in caller's access, resolved at most once per call (the runtime's audience gate usually
   * already did); AUTH.UNAUTHENTICATED for console and timer callers.
   */
  access(): Promise<CallerAccess>
}

/** A user caller; actions that need a signed-in WeChat user call this first. */
export function userOpenid(ctx: ActionContext): string {
  if (!ctx.caller.openid) throw new DomainError('AUTH.UNAUTHENTICATED')
  return ctx.caller.openid
}
