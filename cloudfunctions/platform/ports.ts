import type { Db } from '@cloudbase/database'

/**
 * What core code may touch of the outside world. Production fills these with CloudBase adapters
 * (platform/cloudbase), local runs with embedded ones (platform/local). Feature areas add their
 * ports (payments, notifier, door gateway, storage) as optional fields and ask for them with requirePort.
 */
export interface Clock {
  now(): Date
}

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void
  warn(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

export interface Platform {
  db: Db
  clock: Clock
  logger: Logger
  /** The function's environment variables (e.g. BOOTSTRAP_OPS_OPENIDS); never secrets in logs. */
  env: Readonly<Record<string, string | undefined>>
  ports: Partial<Ports>
}

/** Filled in by feature areas; each key is an adapter interface defined next to its use case. */
export interface Ports {
  [name: string]: unknown
}

export function requirePort<T>(platform: Platform, name: string): T {
  const port = platform.ports[name]
  if (!port) throw new Error(`port ${name} is not configured on this platform`)
  return port as T
}

export const systemClock: Clock = { now: () => new Date() }
