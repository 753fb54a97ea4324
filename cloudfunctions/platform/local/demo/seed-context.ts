import type { Db } from '@cloudbase/database'

export interface SeedContext {
  db: Db
  now: Date
  pepper: string
}

export interface DemoSeeder {
  name: string
  seed: (ctx: SeedContext) => Promise<void>
}
