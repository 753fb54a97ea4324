import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { monthRange } from '../kernel/business-time'
import { REPAIR_COLLECTIONS } from './repair.model'

export interface RepairMonth {
  filed: number
  cancelled: number
  completed: number
  /** Not cancelled and never past an SLA (respond or arrive). */
  onTime: number
  /** Rated 2 or lower on any dimension, or reopened by the resident. */
  complaints: number
}

export const NO_GRID = '(none)'
export const emptyRepairMonth = (): RepairMonth => ({ filed: 0, cancelled: 0, completed: 0, onTime: 0, complaints: 0 })

/**
 * Tickets filed in the month, per grid (the grid of the building when the ticket was filed), counted by
 * the database: volume, completions, SLA on-time and complaints. Satisfaction scores come from the rating
 * rollups instead (they follow the month of the rating, not of the ticket).
 */
export async function repairsOfMonth(db: Db, communityId: string, month: string): Promise<Map<string, RepairMonth>> {
  const _ = db.command
  const $ = _.aggregate
  const { start, end } = monthRange(month)
  const flag = (cond: unknown) => $.cond([cond, 1, 0])
  const breached = $.or([$.neq([$.ifNull(['$breaches.respond', null]), null]), $.neq([$.ifNull(['$breaches.arrive', null]), null])])
  const cancelled = $.eq(['$status', 'cancelled'])
  const low = (dim: string) => $.lte([$.ifNull([`$rating.${dim}`, 5]), 2])
  const res = must(
    await db
      .collection(REPAIR_COLLECTIONS.tickets)
      .aggregate()
      .match({ communityId, createdAt: _.gte(start).and(_.lt(end)) })
      .group({
        _id: $.ifNull(['$gridId', NO_GRID]),
        filed: $.sum(1),
        cancelled: $.sum(flag(cancelled)),
        completed: $.sum(flag($.in(['$status', ['completed', 'rated']]))),
        onTime: $.sum(flag($.and([$.not([cancelled]), $.not([breached])]))),
        complaints: $.sum(flag($.or([$.gt([$.ifNull(['$reopenCount', 0]), 0]), low('arrival'), low('attitude'), low('process'), low('etiquette')]))),
      })
      .limit(1000)
      .end(),
  ) as unknown as { data: (RepairMonth & { _id: string })[] }
  return new Map(res.data.map(({ _id, ...r }) => [_id, r]))
}
