import type { ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { collectionOf } from '../kernel/collection'
import { authorize, can, communitiesWhere, type CallerAccess } from '../auth'
import { EVENT_COLLECTIONS, type EventDoc } from './event.model'

export const eventsOf = (ctx: ActionContext) => collectionOf<EventDoc>(ctx.platform.db, EVENT_COLLECTIONS.events)

export async function loadEvent(ctx: ActionContext, eventId: string): Promise<EventDoc> {
  const event = await eventsOf(ctx).byId(eventId)
  if (!event) throw new DomainError('EVENT.NOT_FOUND')
  return event
}

/** Organising (codes, attendance, costs) is community staff work: its stewards and ops (`community.lead`). */
export async function leadEvent(ctx: ActionContext, eventId: string): Promise<{ event: EventDoc; access: CallerAccess }> {
  const access = await ctx.access()
  const event = await eventsOf(ctx).byId(eventId)
  // The same answer for a made-up id and another community's event: no oracle for ids.
  if (!event || !can(access, 'community.lead', { communityId: event.communityId })) throw new DomainError('AUTH.FORBIDDEN')
  return { event, access }
}

/** The community a staff caller works in: the one named (if they lead it), else their first. */
export async function leadCommunity(ctx: ActionContext, communityId?: string, permission: 'community.lead' | 'community.manage' = 'community.lead'): Promise<{ communityId: string; access: CallerAccess }> {
  const access = await ctx.access()
  if (communityId) {
    authorize(access, permission, { communityId })
    return { communityId, access }
  }
  const first = communitiesWhere(access, permission)[0]
  if (!first) throw new DomainError('AUTH.FORBIDDEN')
  return { communityId: first, access }
}

/** The caller's household for an event: the one named, or their first in the event's community. */
export function memberHousehold(access: CallerAccess, communityId: string, householdId?: string) {
  const inCommunity = access.memberships.filter((m) => m.communityId === communityId)
  const m = householdId ? inCommunity.find((x) => x.householdId === householdId) : inCommunity[0]
  if (!m) throw new DomainError(householdId ? 'AUTH.FORBIDDEN' : 'EVENT.NOT_ELIGIBLE')
  return m
}
