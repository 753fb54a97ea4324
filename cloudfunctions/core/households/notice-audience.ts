import type { Db } from '@cloudbase/database'
import type { MeOutput } from '../../contracts/households.contract'
import { buildingsOf, type NoticeAudience } from './notices.query'

/**
 * Who may read a community's notices, and which: its staff read all of them; its residents read the
 * community-wide ones and those of their own buildings; anyone else none (null → AUTH.FORBIDDEN).
 */
export async function noticeAudience(db: Db, me: MeOutput, communityId: string, now: Date): Promise<NoticeAudience | null> {
  if (me.roles.some((r) => r.communityId === communityId)) return { communityId, buildingIds: 'all', now }
  const homes = me.households.filter((h) => h.communityId === communityId)
  if (homes.length === 0) return null
  return { communityId, buildingIds: await buildingsOf(db, homes.map((h) => h.householdId)), now }
}
