import type { FnReply } from '../../contracts/envelope'
import type { Caller } from '../../runtime/define-function'
import { invoke } from '../../runtime/invoke'
import type { Platform } from '../../core/kernel/platform'
import { functionRegistry } from './function-registry'

/** What CloudBase does between callFunction and main(): find the function, hand it the caller. */
export async function invokeLocal(platform: Platform, name: string, event: unknown, caller: Caller): Promise<FnReply> {
  const def = Object.prototype.hasOwnProperty.call(functionRegistry, name) ? functionRegistry[name] : undefined
  if (!def) return { ok: false, code: 'NOT_FOUND', message: `云函数 ${name} 不存在` }
  // Round-trip through JSON as the real transport does, so no handler ever sees a live object from a caller.
  const wire = event === undefined ? undefined : JSON.parse(JSON.stringify(event))
  return invoke(def, wire, caller, platform)
}

export const asUser = (openid: string): Caller => ({ openid, kind: 'user' })
export const asConsole: Caller = { openid: null, kind: 'console' }
export const asTimer: Caller = { openid: null, kind: 'timer' }
