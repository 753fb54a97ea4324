import type { CallerAccess, ResourceScope } from '../auth'
import { can } from '../auth'
import { forbidden, notFound } from '../kernel/domain-error'
import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import type { Actor } from './repair-state-machine'
import { REPAIR_COLLECTIONS, type TicketDoc } from './repair.model'

export function ticketScope(t: Pick<TicketDoc, 'communityId' | 'householdId' | 'buildingId' | 'assigneeOpenid'>): ResourceScope {
  return {
    communityId: t.communityId,
    householdId: t.householdId ?? undefined,
    buildingId: t.buildingId ?? undefined,
    assigneeOpenid: t.assigneeOpenid ?? undefined,
  }
}

/**
 * The caller's relations to a ticket, through the shared policy (core/auth): the resident side is the
 * filer, or a member of the ticket's household who sees the whole household (`household.readAll`); the technician is the
 * assignee only; stewards by grid building; ops by community. Empty = no access at all.
 */
export function actorsFor(access: CallerAccess, t: TicketDoc): Actor[] {
  const scope = ticketScope(t)
  const actors: Actor[] = []
  // The filer, or a member who sees the whole household (a tenant does not see the owner's tickets unless allowed).
  const resident = t.residentOpenid === access.openid || (!!t.householdId && can(access, 'household.readAll', scope))
  if (resident) actors.push('resident')
  if (can(access, 'ticket.work', scope)) actors.push('technician')
  if (can(access, 'community.manage', { communityId: t.communityId })) actors.push('ops')
  else if (can(access, 'ticket.dispatch', scope)) actors.push('steward')
  return actors
}

export async function loadTicket(db: Db, ticketId: string): Promise<TicketDoc> {
  const t = (must(await db.collection(REPAIR_COLLECTIONS.tickets).doc(ticketId).get()).data as TicketDoc[])[0]
  if (!t) throw notFound('工单')
  return t
}

/**
 * Loads a ticket the caller may see and the caller's relations to it. A ticket the caller has no relation
 * to answers NOT_FOUND rather than FORBIDDEN for outsiders, so ticket ids cannot be probed; staff of the
 * same community get FORBIDDEN (they know the ticket exists, e.g. a technician after reassignment).
 */
export async function loadTicketFor(db: Db, access: CallerAccess, ticketId: string): Promise<{ ticket: TicketDoc; actors: Actor[] }> {
  const ticket = await loadTicket(db, ticketId)
  const actors = actorsFor(access, ticket)
  if (actors.length === 0) {
    if (can(access, 'community.staff', { communityId: ticket.communityId })) throw forbidden()
    throw notFound('工单')
  }
  return { ticket, actors }
}

/** Fire-as check: the caller must hold one of the rule's actor roles on this ticket. */
export function requireActor(actors: readonly Actor[], allowed: readonly Actor[]): Actor {
  const actor = allowed.find((a) => actors.includes(a))
  if (!actor) throw forbidden()
  return actor
}
