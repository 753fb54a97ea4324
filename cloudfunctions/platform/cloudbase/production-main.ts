import tcb from '@cloudbase/node-sdk'
import type { FnReply } from '../../contracts/envelope'
import type { FunctionDefinition } from '../../runtime/define-function'
import { invokeConsole } from '../../runtime/console-invoke'
import { guardEvent } from '../../runtime/event-guard'
import type { Platform } from '../../core/kernel/platform'
import { decideCaller, type InvocationContext } from './entry-caller'
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
  /** What this bundle composes (order types and outbox effects), as deployed; read by the bundles-alone test. */
  readonly wiring: { orderTypes: string[]; effects: string[] }
}

/** How the entry reads CloudBase's invocation context; tests hand in a context object built the same way. */
export type ContextReader = (context: unknown) => InvocationContext

const readCloudbaseContext: ContextReader = (context) => tcb.getCloudbaseContext(context as never) as InvocationContext

/**
 * The CloudBase entry point of a function. The caller comes from the invocation context that WeChat and
 * CloudBase fill in, never from the event: WX_OPENID is a WeChat user; a call without it is the timer, a
 * self-verifying callback, or the console — the console only with proof (entry-caller.ts, docs/security.md).
 */
export function productionMain(
  def: FunctionDefinition,
  makePlatform: () => Platform = () => productionPlatform(def.contract.name),
  readContext: ContextReader = readCloudbaseContext,
): ProductionMain {
  let platform: Platform | undefined
  const main = async function main(event: unknown, context: unknown): Promise<FnReply> {
    platform ??= { ...makePlatform(), wiring: appWiring() }
    const refused = guardEvent(event)
    if (refused) return refused
    const decision = decideCaller(def, event, readContext(context), platform.env, platform.clock.now())
    if (!decision.ok) {
      const action = event && typeof event === 'object' && typeof (event as { action?: unknown }).action === 'string' ? String((event as { action: string }).action).slice(0, 64) : undefined
      platform.logger.warn('console.refused', { fn: def.contract.name, action, reason: decision.reason })
      return decision.reply
    }
    return invokeConsole(def, decision.event, decision.caller, platform)
  }
  const composed = appWiring()
  return Object.assign(main, {
    withPlatform: (make: () => Platform) => productionMain(def, make, readContext),
    wiring: { orderTypes: [...composed.orderTypes.keys()].sort(), effects: [...composed.effects.keys()].sort() },
  })
}
