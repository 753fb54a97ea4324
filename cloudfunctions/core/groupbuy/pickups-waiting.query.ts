import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { GROUPBUY_COLLECTIONS } from './groupbuy.model'

/** Group-buy entries of a community waiting at the pickup point (one indexed count). */
export async function pickupsWaiting(db: Db, communityId: string): Promise<number> {
  return must(await db.collection(GROUPBUY_COLLECTIONS.entries).where({ communityId, stage: 'awaiting_pickup' }).count()).total
}
