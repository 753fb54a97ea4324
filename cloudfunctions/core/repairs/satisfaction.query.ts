import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { communitiesWhere, communityWhere, type CallerAccess } from '../auth'
import type { SatisfactionFigure } from '../../contracts/repairs.contract'
import { REPAIR_COLLECTIONS, type SatisfactionDoc } from './repair.model'
import { communityRollupId, stewardRollupId } from './satisfaction.keys'
import { monthKey } from './repair-time'

const round2 = (n: number) => Math.round(n * 100) / 100

/** Averages from a rollup document (zeros when nobody has rated yet). Metrics may import this too. */
export function figureOf(doc: SatisfactionDoc | undefined): SatisfactionFigure {
  if (!doc || doc.count === 0) return { count: 0, arrival: 0, attitude: 0, process: 0, etiquette: 0, overall: 0 }
  const avg = (sum: number) => round2(sum / doc.count)
  const s = doc.sums
  return {
    count: doc.count,
    arrival: avg(s.arrival),
    attitude: avg(s.attitude),
    process: avg(s.process),
    etiquette: avg(s.etiquette),
    overall: round2((s.arrival + s.attitude + s.process + s.etiquette) / (4 * doc.count)),
  }
}

/**
 * The steward's own figure (their grid's ratings) and their community's; ops get the community's. Four
 * reads by id, whatever the number of tickets: the rollups are maintained by the rating transaction.
 */
export async function satisfactionFor(db: Db, access: CallerAccess, now: Date) {
  const month = monthKey(now)
  const communityId = communityWhere(access, 'community.manage', 'community.steward')
  const steward = communitiesWhere(access, 'community.steward').length > 0
  const ids = [communityRollupId(communityId, 'all'), communityRollupId(communityId, month)]
  if (steward) ids.push(stewardRollupId(access.openid, 'all'), stewardRollupId(access.openid, month))
  const _ = db.command
  const docs = must(await db.collection(REPAIR_COLLECTIONS.satisfaction).where({ _id: _.in(ids) }).limit(10).get()).data as SatisfactionDoc[]
  const byId = new Map(docs.map((d) => [d._id, d]))
  return {
    month,
    steward: steward ? { all: figureOf(byId.get(ids[2])), month: figureOf(byId.get(ids[3])) } : null,
    community: { communityId, all: figureOf(byId.get(ids[0])), month: figureOf(byId.get(ids[1])) },
  }
}
