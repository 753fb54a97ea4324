import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from '../households'
import type { StaffDoc } from '../households'

/** The community's ops staff, who are told about unassigned and overdue tickets. */
export async function opsOpenids(db: Db, communityId: string): Promise<string[]> {
  const rows = must(await db.collection(COLLECTIONS.staff).where({ communityId, role: 'ops', status: 'active' }).limit(20).get()).data as StaffDoc[]
  return rows.map((s) => s.openid)
}
