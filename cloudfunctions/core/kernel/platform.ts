import type { Db } from '@cloudbase/database'
import type { Payments } from './ports/payments.port'
import type { Notifier } from './ports/notifier.port'
import type { Storage } from './ports/storage.port'
import type { OpenGidResolver } from './ports/open-gid.port'
import type { DoorGateway } from './ports/door-gateway.port'
import type { PassKeyStore } from './ports/pass-keys.port'
import type { PrivacyCall } from './ports/privacy-call.port'
import type { ProfitSharing } from './ports/profit-sharing.port'
import type { Wiring } from './area'

/**
 * What core code may touch of the outside world. Production fills these with CloudBase adapters
 * (platform/cloudbase), local runs with embedded ones (platform/local). Core never imports either.
 */
export interface Clock {
  now(): Date
}

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void
  warn(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

/**
 * Every adapter core may ask for, by name and type. A function only gets the ones it needs in
 * production (the access function gets the door gateway, groups gets openGid…), so each is optional
 * on the platform; `requirePort` turns a missing one into a clear configuration error.
 */
export interface Ports {
  payments: Payments
  notifier: Notifier
  storage: Storage
  openGid: OpenGidResolver
  doorGateway: DoorGateway
  accessPassKeys: PassKeyStore
  /** 隐私号: relay numbers for stewards calling owners (fees.callOwner); no production adapter yet. */
  privacyCall: PrivacyCall
  /** WeChat Pay 分账: merchants' shares paid out after fulfilment, taken back on refund. */
  profitSharing: ProfitSharing
}

export type PortName = keyof Ports

export interface Platform {
  db: Db
  clock: Clock
  logger: Logger
  /** The function's environment variables (e.g. BOOTSTRAP_OPS_OPENIDS); never secrets in logs. */
  env: Readonly<Record<string, string | undefined>>
  ports: Partial<Ports>
  /** The areas put together (cloudfunctions/areas.ts): order types, effects, collections, indexes. */
  wiring: Wiring
}

export function requirePort<K extends PortName>(platform: Platform, name: K): Ports[K] {
  const port = platform.ports[name]
  if (!port) throw new Error(`port ${name} is not configured on this platform`)
  return port as Ports[K]
}

export const systemClock: Clock = { now: () => new Date() }
