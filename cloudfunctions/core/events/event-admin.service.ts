import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { createEventInput } from '../../contracts/events.contract'
import type { ActionContext } from '../kernel/action-context'
import { userOpenid } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { must } from '../kernel/db-result'
import { loadBuildings, naturalCompare } from '../households'
import { EVENT_COLLECTIONS, type EventDoc } from './event.model'
import { eventBaseView } from './event-view'
import { eventFieldsFrom } from './event-fields'
import { eventsOf, leadCommunity } from './event-scope'

type CreateInput = z.infer<typeof createEventInput>

/** Ops or a steward of the community publishes an event; everything is checked before the one write. */
export async function createEvent(ctx: ActionContext, input: CreateInput): Promise<{ eventId: string }> {
  const openid = userOpenid(ctx)
  const { communityId } = await leadCommunity(ctx, input.communityId)
  const now = ctx.now()
  if (Date.parse(input.endsAt) <= now.getTime()) throw new DomainError('EVENT.WINDOW_INVALID', '活动结束时间已过，请重新选择时间')
  const buildings = await loadBuildings(ctx.platform.db, communityId)
  const byId = new Map(buildings.map((b) => [b._id, b]))
  const scope = [...new Set(input.buildingIds)]
  if (scope.some((id) => !byId.has(id))) throw new DomainError('EVENT.SCOPE_INVALID')
  const event: EventDoc = {
    _id: `ev-${randomBytes(8).toString('hex')}`,
    communityId,
    kind: input.kind,
    ...eventFieldsFrom(input),
    signedUp: 0,
    holders: [],
    waiting: [],
    buildingIds: scope,
    buildingNames: scope.map((id) => byId.get(id)!.name).sort(naturalCompare),
    status: 'open',
    organiserOpenid: openid,
    createdAt: now,
    updatedAt: now,
  }
  const { _id, ...doc } = event
  must(await ctx.platform.db.collection(EVENT_COLLECTIONS.events).doc(_id).set(doc))
  ctx.platform.logger.info('events.created', { eventId: _id, communityId, kind: input.kind })
  return { eventId: _id }
}

/** The organiser's list: the community's events, latest start first, with how many have checked in. */
export async function manageList(ctx: ActionContext, communityId?: string) {
  const scope = await leadCommunity(ctx, communityId)
  const db = ctx.platform.db
  const events = must(await eventsOf(ctx).ref.where({ communityId: scope.communityId }).orderBy('startsAt', 'desc').field({ holders: false, promotions: false }).limit(50).get()).data as EventDoc[]
  const now = ctx.now()
  const _ = db.command
  const counts = await Promise.all(
    events.map(async (e) => Number(must(await db.collection(EVENT_COLLECTIONS.signups).where({ eventId: e._id, status: 'signed', checkInAt: _.neq(null) }).count()).total ?? 0)),
  )
  const buildings = (await loadBuildings(db, scope.communityId)).sort((a, b) => naturalCompare(a.name, b.name)).map((b) => ({ id: b._id, name: b.name }))
  return { communityId: scope.communityId, buildings, events: events.map((e, i) => ({ ...eventBaseView(e, now), checkedIn: counts[i] })) }
}
