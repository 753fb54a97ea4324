import type { Db } from '@cloudbase/database'
import type { Storage } from '../../../core/kernel/ports/storage.port'

export interface SeedContext {
  db: Db
  now: Date
  pepper: string
  /** When given (npm start, browser tests), seeders upload demo pictures through it; tests leave it out. */
  storage?: Storage
}

export interface DemoSeeder {
  name: string
  seed: (ctx: SeedContext) => Promise<void>
}
