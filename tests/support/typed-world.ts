import type { ActionInput, ActionOutput, FunctionContract } from '../../cloudfunctions/contracts/envelope'
import { invokeLocal, asConsole, asUser } from '../../cloudfunctions/platform/local/invoke-local'
import { createFnClient, type CallOptions } from '../../src/services/fn-client'
import { FnError } from '../../src/services/fn-error'
import { isPersona, personaOpenid, type PersonaId } from './personas'
import { createTestWorld, type TestWorld } from './test-platform'

/** A refusal as the client sees it: the code and the message it would show. */
export interface Refusal {
  ok: false
  code: string
  message: string
}

export interface Caller {
  /** The typed client of the mini-program: checked input, output parsed by the contract; throws FnError. */
  call<C extends FunctionContract, K extends keyof C['actions'] & string>(contract: C, action: K, input: ActionInput<C, K>, options?: CallOptions): Promise<ActionOutput<C, K>>
  /** The same call, with a refusal returned instead of thrown (for asserting codes). */
  attempt<C extends FunctionContract, K extends keyof C['actions'] & string>(
    contract: C,
    action: K,
    input: ActionInput<C, K>,
    options?: CallOptions,
  ): Promise<{ ok: true; data: ActionOutput<C, K> } | Refusal>
}

export interface TypedWorld extends TestWorld {
  /** Calls as a demo persona (or any openid), over the app's own typed client on an in-process transport. */
  as(who: PersonaId | { openid: string }): Caller
  /** Calls as ops in the CloudBase console. */
  asConsole(): Caller
}

function callerOver(transport: Parameters<typeof createFnClient>[0]): Caller {
  const call = createFnClient(transport)
  return {
    call,
    async attempt(contract, action, input, options) {
      try {
        return { ok: true, data: await call(contract, action, input, options) }
      } catch (e) {
        if (e instanceof FnError) return { ok: false, code: e.code, message: e.message }
        throw e
      }
    },
  }
}

/**
 * The typed client in any test world, for kits that are handed a plain TestWorld: a persona, any openid
 * (a bare string is an openid), or 'console' for ops in the CloudBase console.
 */
export function callerIn(world: Pick<TestWorld, 'platform'>, who: PersonaId | { openid: string } | string): Caller {
  if (who === 'console') return callerOver((fn, event) => invokeLocal(world.platform, fn, event, asConsole))
  const openid = typeof who === 'object' ? who.openid : isPersona(who) ? personaOpenid(who) : who
  return callerOver((fn, event) => invokeLocal(world.platform, fn, event, asUser(openid)))
}

/**
 * The test world of docs/architecture.md: `world.as('owner').call(repairsContract, 'create', input)`.
 * A renamed contract field fails to compile here, as it would in the mini-program.
 */
export async function createTypedWorld(options: Parameters<typeof createTestWorld>[0] = {}): Promise<TypedWorld> {
  const world = await createTestWorld(options)
  return Object.assign(world, { as: (who: PersonaId | { openid: string }) => callerIn(world, who), asConsole: () => callerIn(world, 'console') })
}
