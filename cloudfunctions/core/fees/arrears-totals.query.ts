import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { FEE_COLLECTIONS } from './fee.model'

/**
 * Households owing, unpaid bills and principal of some buildings (or the whole community), grouped by the
 * database over unpaid bills only — paid history never enters the match (index communityId + status).
 */
export async function arrearsTotals(db: Db, communityId: string, buildingIds?: string[]): Promise<{ households: number; billCount: number; principalFen: number }> {
  const _ = db.command
  const $ = _.aggregate
  if (buildingIds && buildingIds.length === 0) return { households: 0, billCount: 0, principalFen: 0 }
  const match: Record<string, unknown> = { communityId, status: 'unpaid' }
  if (buildingIds) match.buildingId = _.in(buildingIds)
  const res = must(
    await db
      .collection(FEE_COLLECTIONS.bills)
      .aggregate()
      .match(match)
      .group({ _id: '$householdId', billCount: $.sum(1), principalFen: $.sum('$principalFen') })
      .group({ _id: null, households: $.sum(1), billCount: $.sum('$billCount'), principalFen: $.sum('$principalFen') })
      .end(),
  ) as unknown as { data: { households: number; billCount: number; principalFen: number }[] }
  const t = res.data[0]
  return { households: t?.households ?? 0, billCount: t?.billCount ?? 0, principalFen: t?.principalFen ?? 0 }
}
