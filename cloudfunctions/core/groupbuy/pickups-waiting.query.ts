import type { Db } from '@cloudbase/database'
import { declareIndexes } from '../../platform/db-indexes'
import { must } from '../../runtime/db-result'
import { GROUPBUY_COLLECTIONS } from './groupbuy.model'

// Entries leave 'awaiting_pickup' when picked up or refunded: the count covers what is waiting now.
declareIndexes({ collection: GROUPBUY_COLLECTIONS.entries, fields: ['communityId', 'stage'] })

/** Group-buy entries of a community waiting at the pickup point (one indexed count). */
export async function pickupsWaiting(db: Db, communityId: string): Promise<number> {
  return must(await db.collection(GROUPBUY_COLLECTIONS.entries).where({ communityId, stage: 'awaiting_pickup' }).count()).total
}
