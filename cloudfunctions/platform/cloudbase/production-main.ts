import tcb from '@cloudbase/node-sdk'
import type { FnReply } from '../../contracts/envelope'
import type { Caller, FunctionDefinition } from '../../runtime/define-function'
import { invoke } from '../../runtime/invoke'
import type { Platform } from '../../core/kernel/platform'
import { productionPlatform } from './production-platform'

/**
 * The CloudBase entry point of a function. The caller's OPENID comes from the invocation context that
 * WeChat and CloudBase fill in (WX_OPENID); the event is never trusted for identity. A call without
 * OPENID is a console or timer invocation (anonymous login stays disabled in the env, see docs/security.md).
 */
export function productionMain(def: FunctionDefinition, makePlatform: () => Platform = () => productionPlatform(def.contract.name)) {
  let platform: Platform | undefined
  return async function main(event: unknown, context: unknown): Promise<FnReply> {
    platform ??= makePlatform()
    const cbContext = tcb.getCloudbaseContext(context as never) as { WX_OPENID?: string }
    const openid = cbContext.WX_OPENID || null
    const isTimer = !!event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer'
    const caller: Caller = openid ? { openid, kind: 'user' } : { openid: null, kind: isTimer ? 'timer' : 'console' }
    return invoke(def, event, caller, platform)
  }
}
