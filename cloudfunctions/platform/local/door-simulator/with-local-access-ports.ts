import type { FunctionDefinition } from '../../../runtime/define-function'
import type { Platform } from '../../ports'
import { DOOR_GATEWAY_PORT } from '../../../core/access/door-gateway.port'
import { PASS_KEY_STORE_PORT, passKeyStoreFromEnv, type PassKeyStore } from '../../../core/access/pass-key-store'
import { DoorSimulator } from './door-simulator'

const simulators = new WeakMap<Platform, DoorSimulator>()
const keyStores = new WeakMap<Platform, PassKeyStore>()

/** The simulator a local platform's access function opens doors through (created on first use). */
export function doorSimulatorOf(platform: Platform): DoorSimulator {
  const given = platform.ports[DOOR_GATEWAY_PORT]
  if (given instanceof DoorSimulator) return given
  let sim = simulators.get(platform)
  if (!sim) {
    sim = new DoorSimulator(platform.clock, platform.logger)
    simulators.set(platform, sim)
  }
  return sim
}

function keyStoreOf(platform: Platform): PassKeyStore {
  let store = keyStores.get(platform)
  if (!store) {
    store = passKeyStoreFromEnv(platform.env, { devFallback: true })
    keyStores.set(platform, store)
  }
  return store
}

/**
 * The local world's access function: the same definition, with the door simulator and dev-derived pass
 * keys filled in wherever the platform (a test, `npm start`) did not bring its own.
 */
export function withLocalAccessPorts<D extends FunctionDefinition>(def: D): D {
  const handlers = Object.fromEntries(
    Object.entries(def.handlers as Record<string, (input: unknown, ctx: { platform: Platform }) => Promise<unknown>>).map(([action, handler]) => [
      action,
      (input: unknown, ctx: { platform: Platform }) => handler(input, { ...ctx, platform: withPorts(ctx.platform) }),
    ]),
  )
  const timers = Object.fromEntries(
    Object.entries(def.timers as Record<string, (ctx: { platform: Platform }) => Promise<unknown>>).map(([name, job]) => [
      name,
      (ctx: { platform: Platform }) => job({ ...ctx, platform: withPorts(ctx.platform) }),
    ]),
  )
  return { ...def, handlers, timers } as D
}

function withPorts(platform: Platform): Platform {
  return {
    ...platform,
    ports: {
      ...platform.ports,
      [DOOR_GATEWAY_PORT]: platform.ports[DOOR_GATEWAY_PORT] ?? doorSimulatorOf(platform),
      [PASS_KEY_STORE_PORT]: platform.ports[PASS_KEY_STORE_PORT] ?? keyStoreOf(platform),
    },
  }
}
