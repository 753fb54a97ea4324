import type { Db } from '@cloudbase/database'
import dayjs from 'dayjs'
import { must } from '../kernel/db-result'
import { BUSINESS_TZ } from '../kernel/business-time'
import { OPEN_STATUSES, REPAIR_COLLECTIONS } from './repair.model'

const count = async (q: { count(): Promise<unknown> }) => (must(await q.count()) as { total: number }).total

/**
 * The technician's workbench counts. Each is an indexed count over open tickets (or today's), so they stay
 * as cheap after ten years of tickets as on the first day: completed tickets leave the open statuses.
 */
export async function technicianCounts(db: Db, openid: string, now: Date) {
  const _ = db.command
  const tickets = db.collection(REPAIR_COLLECTIONS.tickets)
  const todayStart = dayjs(now).tz(BUSINESS_TZ).startOf('day').toDate()
  const [waiting, working, overdue, doneToday] = await Promise.all([
    count(tickets.where({ assigneeOpenid: openid, status: 'assigned' })),
    count(tickets.where({ assigneeOpenid: openid, status: _.in(['accepted', 'in_progress']) })),
    count(tickets.where({ assigneeOpenid: openid, status: _.in(['assigned', 'accepted', 'in_progress']), overdue: true })),
    count(tickets.where({ assigneeOpenid: openid, completedAt: _.gte(todayStart) })),
  ])
  return { waiting, working, overdue, doneToday }
}

/** Open and overdue tickets of some buildings (a grid) or of a whole community: two indexed counts. */
export async function openTicketCounts(db: Db, scope: { communityId: string } | { buildingIds: string[] }) {
  const _ = db.command
  const tickets = db.collection(REPAIR_COLLECTIONS.tickets)
  if ('buildingIds' in scope && scope.buildingIds.length === 0) return { open: 0, overdue: 0 }
  const where = 'buildingIds' in scope ? { buildingId: _.in(scope.buildingIds) } : { communityId: scope.communityId }
  const [open, overdue] = await Promise.all([count(tickets.where({ ...where, status: _.in(OPEN_STATUSES) })), count(tickets.where({ overdue: true, ...where }))])
  return { open, overdue }
}
