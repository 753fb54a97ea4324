import type { Db } from '@cloudbase/database'
import { createLocalDb } from '../../cloudfunctions/platform/local/db/create-local-db'

/**
 * The conformance suite runs against the local engine by default. Point it at a real CloudBase
 * environment to check the engine against the original:
 *   CONFORMANCE_CLOUDBASE_ENV=<envId> TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npx jest tests/conformance
 * Every test then works in its own freshly created collection (prefixed conf_), removed afterwards.
 */
export interface DbTarget {
  name: 'local' | 'cloudbase'
  db: Db
  /** A new, empty collection for one test. */
  freshCollection(label: string): Promise<string>
  close(): Promise<void>
}

let counter = 0

export async function openTarget(): Promise<DbTarget> {
  const envId = process.env.CONFORMANCE_CLOUDBASE_ENV
  if (envId) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tcb = require('@cloudbase/node-sdk')
    const app = tcb.init({ env: envId, secretId: process.env.TENCENTCLOUD_SECRETID, secretKey: process.env.TENCENTCLOUD_SECRETKEY })
    const db: Db = app.database()
    const created: string[] = []
    return {
      name: 'cloudbase',
      db,
      async freshCollection(label) {
        const name = `conf_${Date.now().toString(36)}_${++counter}_${label}`
        await db.createCollection(name)
        created.push(name)
        return name
      },
      async close() {
        for (const name of created) await db.collection(name).where({ _id: db.command.exists(true) }).remove()
      },
    }
  }
  const local = createLocalDb()
  return {
    name: 'local',
    db: local.db,
    freshCollection: async (label) => `conf_${++counter}_${label}`,
    close: async () => local.close(),
  }
}
