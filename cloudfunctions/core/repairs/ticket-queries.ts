import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { communitiesWhere, householdViews, type CallerAccess } from '../auth'
import type { TicketSummary } from '../../contracts/repairs.contract'
import { CLOSED_STATUSES, OPEN_STATUSES, REPAIR_COLLECTIONS, type TicketDoc } from './repair.model'
import { toSummary } from './ticket-view'

export interface Page {
  offset: number
  limit: number
}

type List = { items: TicketSummary[]; hasMore: boolean }

/** Only the fields a list row shows: lists stay cheap however long the timelines grow. */
const SUMMARY_FIELDS = { status: true, category: true, placeLabel: true, description: true, createdAt: true, overdue: true, assigneeName: true, photos: true }

type Query = ReturnType<ReturnType<Db['collection']>['where']>

async function page(query: Query, p: Page): Promise<List> {
  const rows = must(await query.orderBy('createdAt', 'desc').orderBy('_id', 'desc').skip(p.offset).limit(p.limit + 1).field(SUMMARY_FIELDS).get()).data as TicketDoc[]
  return { items: rows.slice(0, p.limit).map(toSummary), hasMore: rows.length > p.limit }
}

/**
 * The resident's tickets: every ticket they filed (public areas included), plus every ticket of the
 * households whose records they see in full (`household.readAll`: the owner; family and tenants as the
 * owner set it), so a family member sees the four tickets the owner filed for their home.
 */
export async function myTickets(db: Db, access: CallerAccess, filter: 'open' | 'closed' | 'all', p: Page): Promise<List> {
  const _ = db.command
  const { wide } = householdViews(access)
  const who = wide.length ? _.or([{ residentOpenid: access.openid }, { householdId: _.in(wide) }]) : { residentOpenid: access.openid }
  const where = filter === 'all' ? who : _.and([who, { status: _.in(filter === 'open' ? OPEN_STATUSES : CLOSED_STATUSES) }])
  return page(db.collection(REPAIR_COLLECTIONS.tickets).where(where), p)
}

/** The technician's queue: tickets assigned to them (active = not yet completed). */
export async function technicianQueue(db: Db, openid: string, filter: 'active' | 'done', p: Page): Promise<List> {
  const _ = db.command
  const statuses = filter === 'active' ? ['assigned', 'accepted', 'in_progress'] : ['completed', 'rated']
  return page(db.collection(REPAIR_COLLECTIONS.tickets).where({ assigneeOpenid: openid, status: _.in(statuses) }), p)
}

/**
 * Tickets a steward or ops watches: a steward's grid buildings; ops their whole community. "overdue" is the
 * steward's alarm list: open tickets that missed an SLA (the `overdue` flag is cleared on completion, so
 * the indexed candidate set stays small however many tickets the community has).
 */
export async function watchedTickets(db: Db, access: CallerAccess, filter: 'open' | 'overdue' | 'closed', p: Page): Promise<List> {
  const _ = db.command
  const opsCommunities = communitiesWhere(access, 'community.manage')
  const scope: Record<string, unknown> = opsCommunities.length ? { communityId: _.in(opsCommunities) } : { buildingId: _.in(access.stewardBuildingIds) }
  if (!opsCommunities.length && access.stewardBuildingIds.length === 0) return { items: [], hasMore: false }
  const where =
    filter === 'overdue'
      ? { ...scope, overdue: true }
      : { ...scope, status: _.in(filter === 'open' ? OPEN_STATUSES : CLOSED_STATUSES) }
  return page(db.collection(REPAIR_COLLECTIONS.tickets).where(where), p)
}
