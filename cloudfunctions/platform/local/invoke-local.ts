import type { FnReply } from '../../contracts/envelope'
import type { Caller } from '../../runtime/define-function'
import { invokeConsole } from '../../runtime/console-invoke'
import { guardEvent } from '../../runtime/event-guard'
import type { Platform } from '../../core/kernel/platform'
import { functionRegistry } from './function-registry'

/** What CloudBase does between callFunction and main(): find the function, hand it the caller. */
export async function invokeLocal(platform: Platform, name: string, event: unknown, caller: Caller, options: { fromJson?: boolean } = {}): Promise<FnReply> {
  const def = Object.prototype.hasOwnProperty.call(functionRegistry, name) ? functionRegistry[name] : undefined
  if (!def) return { ok: false, code: 'NOT_FOUND', message: `云函数 ${name} 不存在` }
  const refused = guardEvent(event)
  if (refused) return refused
  // Round-trip through JSON as the real transport does, so no handler ever sees a live object from a caller
  // (the gateway's events were just parsed from a request body: fromJson, nothing live to shed).
  const wire = event === undefined || options.fromJson ? event : JSON.parse(JSON.stringify(event))
  // Console calls take the same path as in production (derived requestId, audit line); others go straight to invoke.
  return invokeConsole(def, wire, caller, platform)
}

export const asUser = (openid: string): Caller => ({ openid, kind: 'user' })
/** The local console route: on this machine whoever can reach 127.0.0.1 is the developer, so no token is asked. */
export const asConsole: Caller = { openid: null, kind: 'console', operator: 'local-console' }
/** What WeChat Pay's callback looks like: no OPENID and no console proof. */
export const asCallback: Caller = { openid: null, kind: 'callback' }
export const asTimer: Caller = { openid: null, kind: 'timer' }
