import type { ActionContext } from '../kernel/action-context'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { GROUPBUY_COLLECTIONS, type CampaignDoc } from '../groupbuy'
import { EVENT_COLLECTIONS, type ActivityRef, type ActivitySettingsDoc, type CostDoc, type EventDoc } from './event.model'
import { activityInfos, gmvOf, shownRateBp } from './activity-gmv'
import { leadCommunity } from './event-scope'

const refKey = (r: ActivityRef) => `${r.kind}.${r.id}`

/** margin ÷ cost to two decimals (1.85 = every yuan spent brought back 1.85 yuan of margin). */
export function roiOf(marginFen: number, costFen: number): number | null {
  return costFen > 0 ? Math.round((marginFen * 100) / costFen) / 100 : null
}

/**
 * 活动 ROI per activity of the community: recent events, and every campaign that has a cost or settings.
 * Costs count when approved (written off); submitted ones are shown apart as pending.
 */
export async function roiReport(ctx: ActionContext, communityId?: string) {
  // The console names its community; ops default to theirs (and may name only one they run).
  if (ctx.caller.kind === 'console' && !communityId) throw new DomainError('VALIDATION.FAILED', '控制台调用须指定 communityId')
  const scope = ctx.caller.kind === 'console' ? { communityId: communityId! } : await leadCommunity(ctx, communityId, 'community.manage')
  const db = ctx.platform.db
  const costs = must(await db.collection(EVENT_COLLECTIONS.costs).where({ communityId: scope.communityId }).orderBy('submittedAt', 'desc').limit(1000).get()).data as CostDoc[]
  const events = must(await db.collection(EVENT_COLLECTIONS.events).where({ communityId: scope.communityId }).orderBy('startsAt', 'desc').field({ _id: true }).limit(50).get()).data as Pick<EventDoc, '_id'>[]
  const settings = must(await db.collection(EVENT_COLLECTIONS.settings).where({ communityId: scope.communityId }).limit(200).get()).data as ActivitySettingsDoc[]
  const refs = new Map<string, ActivityRef>()
  for (const e of events) refs.set(`event.${e._id}`, { kind: 'event', id: e._id })
  for (const c of costs) for (const s of c.activityShares) refs.set(refKey(s.ref), s.ref)
  for (const s of settings) refs.set(refKey(s.ref), s.ref)
  const infos = await activityInfos(db, [...refs.values()])
  const approved = new Map<string, number>()
  const pending = new Map<string, number>()
  for (const c of costs) {
    const into = c.status === 'approved' ? approved : c.status === 'submitted' ? pending : null
    if (!into) continue
    for (const s of c.activityShares) into.set(refKey(s.ref), (into.get(refKey(s.ref)) ?? 0) + s.fen)
  }
  const rows = await Promise.all(
    [...infos.values()].map(async (info) => {
      const g = await gmvOf(db, info)
      const key = refKey(info.ref)
      const marginFen = g.marginFen
      const approvedCostFen = approved.get(key) ?? 0
      return {
        ref: info.ref,
        title: info.title,
        category: info.category,
        gmvFen: g.gmvFen,
        orders: g.orders,
        serviceOrders: g.serviceOrders,
        marginRateBp: shownRateBp(info),
        marginRateSource: info.ownMarginRateBp === null ? ('category' as const) : ('activity' as const),
        marginFen,
        approvedCostFen,
        pendingCostFen: pending.get(key) ?? 0,
        roi: roiOf(marginFen, approvedCostFen),
        attendees: g.attendees,
        at: info.at.getTime(),
      }
    }),
  )
  // Activities with costs first (what ops come here to judge), then the most recent.
  const hasCost = (r: (typeof rows)[number]) => (r.approvedCostFen + r.pendingCostFen > 0 ? 0 : 1)
  rows.sort((a, b) => hasCost(a) - hasCost(b) || b.at - a.at)
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0)
  return {
    rows: rows.map(({ at: _at, ...r }) => r),
    totals: { gmvFen: sum((r) => r.gmvFen), marginFen: sum((r) => r.marginFen), approvedCostFen: sum((r) => r.approvedCostFen), pendingCostFen: sum((r) => r.pendingCostFen) },
  }
}

/** The cost form's picker: the community's recent events and group-buy campaigns. */
export async function listActivities(ctx: ActionContext, communityId?: string) {
  const scope = await leadCommunity(ctx, communityId)
  const db = ctx.platform.db
  const events = must(await db.collection(EVENT_COLLECTIONS.events).where({ communityId: scope.communityId }).orderBy('startsAt', 'desc').field({ _id: true }).limit(30).get()).data as Pick<EventDoc, '_id'>[]
  const campaigns = must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ communityId: scope.communityId }).orderBy('deadline', 'desc').field({ _id: true }).limit(30).get()).data as Pick<CampaignDoc, '_id'>[]
  const infos = await activityInfos(db, [...events.map((e) => ({ kind: 'event' as const, id: e._id })), ...campaigns.map((c) => ({ kind: 'campaign' as const, id: c._id }))])
  const list = [...infos.values()].sort((a, b) => b.at.getTime() - a.at.getTime())
  return { activities: list.map((i) => ({ ref: i.ref, title: i.title, category: i.category, at: i.at.toISOString() })) }
}
