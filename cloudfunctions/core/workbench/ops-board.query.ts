import type { Db } from '@cloudbase/database'
import type { OpsBoard } from '../../contracts/households-workbench.schemas'
import { must } from '../kernel/db-result'
import { arrearsTotals } from '../fees'
import { pickupsWaiting } from '../groupbuy'
import { COLLECTIONS, type CommunityDoc } from '../households'
import { monthOf, opsDashboard } from '../metrics'
import { openTicketCounts } from '../repairs'
import { outboxHealth } from '../outbox'

/** The counts an ops person acts on today for one community, beside the community row of this month's dashboard. */
export async function opsBoard(db: Db, communityId: string, now: Date): Promise<OpsBoard> {
  const [community, repairs, pickups, arrears, dashboard, followUps] = await Promise.all([
    db.collection(COLLECTIONS.communities).doc(communityId).get(),
    openTicketCounts(db, { communityId }),
    pickupsWaiting(db, communityId),
    arrearsTotals(db, communityId),
    opsDashboard(db, communityId, monthOf(now), now),
    outboxHealth(db, communityId, now),
  ])
  return {
    communityId,
    communityName: (must(community).data as CommunityDoc[])[0]?.name ?? '',
    figures: dashboard.rows.find((r) => r.scope === 'community')!,
    repairs,
    pickupsWaiting: pickups,
    arrears: { households: arrears.households, principalFen: arrears.principalFen },
    followUps,
  }
}
