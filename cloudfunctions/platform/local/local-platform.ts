import type { Platform, Ports, Clock } from '../ports'
import { systemClock } from '../ports'
import { createLocalDb, type LocalDb } from './db/create-local-db'
import { silentLogger, createConsoleLogger } from '../../runtime/console-logger'

export interface LocalPlatform extends Platform {
  local: LocalDb
}

/** The embedded world: SQLite-backed Db, a controllable clock, and sandbox adapters for every port. */
export function createLocalPlatform(options: { dataDir?: string; clock?: Clock; quiet?: boolean; ports?: Partial<Ports>; env?: Record<string, string | undefined> } = {}): LocalPlatform {
  const clock = options.clock ?? systemClock
  const local = createLocalDb({ dataDir: options.dataDir, now: () => clock.now() })
  return {
    db: local.db,
    clock,
    logger: options.quiet ? silentLogger : createConsoleLogger('local'),
    env: options.env ?? process.env,
    ports: options.ports ?? {},
    local,
  }
}
