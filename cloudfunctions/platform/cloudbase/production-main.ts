import tcb from '@cloudbase/node-sdk'
import type { FnReply } from '../../contracts/envelope'
import type { Caller, FunctionDefinition } from '../../runtime/define-function'
import { invoke } from '../../runtime/invoke'
import type { Platform } from '../../core/kernel/platform'
import { productionPlatform } from './production-platform'
import { appWiring } from '../../areas'

export interface ProductionMain {
  (event: unknown, context: unknown): Promise<FnReply>
  /**
   * The same entry over another platform (tests run a built bundle against the local engine). The
   * bundle's own areas (cloudfunctions/areas.ts as bundled) replace the given platform's wiring, so what
   * runs is exactly what was deployed: a bundle missing an order type's hooks would show it.
   */
  withPlatform(makePlatform: () => Platform): ProductionMain
}

/**
 * The CloudBase entry point of a function. The caller's OPENID comes from the invocation context that
 * WeChat and CloudBase fill in (WX_OPENID); the event is never trusted for identity. A call without
 * OPENID is a console or timer invocation (anonymous login stays disabled in the env, see docs/security.md).
 */
export function productionMain(def: FunctionDefinition, makePlatform: () => Platform = () => productionPlatform(def.contract.name)): ProductionMain {
  let platform: Platform | undefined
  const main = async function main(event: unknown, context: unknown): Promise<FnReply> {
    platform ??= { ...makePlatform(), wiring: appWiring() }
    const cbContext = tcb.getCloudbaseContext(context as never) as { WX_OPENID?: string }
    const openid = cbContext.WX_OPENID || null
    const isTimer = !!event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer'
    const caller: Caller = openid ? { openid, kind: 'user' } : { openid: null, kind: isTimer ? 'timer' : 'console' }
    return invoke(def, event, caller, platform)
  }
  return Object.assign(main, { withPlatform: (make: () => Platform) => productionMain(def, make) })
}
