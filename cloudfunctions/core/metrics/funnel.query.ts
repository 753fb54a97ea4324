import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from '../households'
import { monthRange } from './month'

/** The top of the funnel: households, those with a bound member, residents who bound in the month. */
export interface Funnel {
  households: number
  boundHouseholds: number
  newBoundResidents: number
}

/** `_.in` stays within what an index lookup takes in one go. */
const CHUNK = 500
const PAGE = 1000

/**
 * Computed by the database from the registry and the memberships (bindings are the households area's;
 * every binding carries boundAt, every removal removedAt): a household counts as bound at the end of the
 * month (or now, for the running month) when a member was bound before and not removed by then; a new
 * bound resident is a membership whose boundAt falls in the month. Pending members (invited, not approved)
 * never count. One aggregation answers both; only the two numbers come back to the function.
 */
async function residentFigures(db: Db, scope: Record<string, unknown>, start: Date, end: Date, at: Date): Promise<Omit<Funnel, 'households'>> {
  const _ = db.command
  const $ = _.aggregate
  const res = must(
    await db
      .collection(COLLECTIONS.residents)
      .aggregate()
      .match(_.and([scope, { status: _.in(['active', 'removed']), boundAt: _.lt(end) }]))
      .project({
        householdId: 1,
        bound: $.cond([$.and([$.lt(['$boundAt', at]), $.or([$.eq(['$status', 'active']), $.gte(['$removedAt', at])])]), 1, 0]),
        fresh: $.cond([$.gte(['$boundAt', start]), 1, 0]),
      })
      .group({ _id: '$householdId', bound: $.max('$bound'), fresh: $.sum('$fresh') })
      .group({ _id: null, boundHouseholds: $.sum('$bound'), newBoundResidents: $.sum('$fresh') })
      .limit(1)
      .end(),
  ) as { data: { boundHouseholds: number; newBoundResidents: number }[] }
  return { boundHouseholds: res.data[0]?.boundHouseholds ?? 0, newBoundResidents: res.data[0]?.newBoundResidents ?? 0 }
}

function cutoffOf(month: string, now: Date): { start: Date; end: Date; at: Date } {
  const { start, end } = monthRange(month)
  return { start, end, at: end.getTime() < now.getTime() ? end : now }
}

/** A grid: its buildings' households (a grid is a few hundred to a few thousand homes). */
export async function gridFunnel(db: Db, buildingIds: string[], month: string, now: Date): Promise<Funnel> {
  if (buildingIds.length === 0) return { households: 0, boundHouseholds: 0, newBoundResidents: 0 }
  const _ = db.command
  const ids: string[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = must(await db.collection(COLLECTIONS.households).where({ buildingId: _.in(buildingIds) }).field({ _id: true }).skip(offset).limit(PAGE).get()).data as { _id: string }[]
    ids.push(...page.map((h) => h._id))
    if (page.length < PAGE) break
  }
  const { start, end, at } = cutoffOf(month, now)
  const chunks: string[][] = []
  for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK))
  const parts = await Promise.all(chunks.map((chunk) => residentFigures(db, { householdId: _.in(chunk) }, start, end, at)))
  return {
    households: ids.length,
    boundHouseholds: parts.reduce((n, p) => n + p.boundHouseholds, 0),
    newBoundResidents: parts.reduce((n, p) => n + p.newBoundResidents, 0),
  }
}

/** A whole community: two database calls. */
export async function communityFunnel(db: Db, communityId: string, month: string, now: Date): Promise<Funnel> {
  const { start, end, at } = cutoffOf(month, now)
  const [households, residents] = await Promise.all([
    db.collection(COLLECTIONS.households).where({ communityId }).count().then((r) => must(r).total),
    residentFigures(db, { communityId }, start, end, at),
  ])
  return { households, ...residents }
}
