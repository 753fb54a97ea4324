import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { can, type CallerAccess } from '../auth'
import { COLLECTIONS } from '../households'
import type { StaffDoc } from '../households'

/** The id a steward's share cards carry: their staff document id in that community (never their openid). */
export async function stewardIdOf(db: Db, access: CallerAccess, communityId: string): Promise<string | null> {
  if (!can(access, 'community.steward', { communityId })) return null
  const rows = must(await db.collection(COLLECTIONS.staff).where({ openid: access.openid, communityId, role: 'steward', status: 'active' }).limit(1).get()).data as StaffDoc[]
  return rows[0]?._id ?? null
}

// Recording a share-card touch is core/attribution/touch.service.ts (recordPageTouch, source 'groupbuy_share'):
// one touch service with one rule, so group-buy cards cannot record touches attribution would refuse.
