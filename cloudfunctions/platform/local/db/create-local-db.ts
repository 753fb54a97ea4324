import path from 'node:path'
import { Db } from '@cloudbase/database'
import { LocalDbEngine, type LocalDbEngineOptions } from './local-db-engine'
import { LocalRequester } from './local-requester'

export interface LocalDb {
  db: Db
  engine: LocalDbEngine
  close(): void
}

/**
 * The same `Db` class production gets from `@cloudbase/node-sdk`'s `app.database()`, wired to the local
 * engine. Several engines may live in one process (tests): each Db carries its engine in its config.
 */
export function createLocalDb(options: Partial<LocalDbEngineOptions> & { dataDir?: string } = {}): LocalDb {
  const file = options.file ?? (options.dataDir ? path.join(options.dataDir, 'cloudbase.sqlite') : ':memory:')
  const engine = new LocalDbEngine({ ...options, file })
  Db.reqClass = LocalRequester
  const db = new Db({ env: 'local', localEngine: engine })
  return { db, engine, close: () => engine.close() }
}
