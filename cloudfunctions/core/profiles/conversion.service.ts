import type { Platform } from '../kernel/platform'
import type { ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { must } from '../kernel/db-result'
import { builderScope } from './builder-scope'
import { loadProfileSettings } from './profile-settings'
import { SEGMENT_COLLECTIONS, type DeliveryDoc, type PushDoc } from './segment.model'

const DAY_MS = 86_400_000

/** The push as its recipient sees it; records the first open. Only someone it was sent to may read it. */
export async function openPush(ctx: ActionContext, openid: string, pushId: string) {
  const db = ctx.platform.db
  const _ = db.command
  const delivery = (must(await db.collection(SEGMENT_COLLECTIONS.deliveries).doc(`${pushId}:${openid}`).get()).data as DeliveryDoc[])[0]
  if (!delivery) throw new DomainError('PROFILE.PUSH_NOT_FOUND')
  const push = (must(await db.collection(SEGMENT_COLLECTIONS.pushes).doc(pushId).get()).data as PushDoc[])[0]
  if (!push) throw new DomainError('PROFILE.PUSH_NOT_FOUND')
  if (!delivery.openedAt) must(await db.collection(SEGMENT_COLLECTIONS.deliveries).where({ _id: delivery._id, openedAt: null }).update({ openedAt: ctx.now() }))
  // Only the message: never the segment, its criteria, tags or scores (residents must not see their profile).
  return { title: push.title, body: push.body, campaignId: push.campaignId, sentAt: new Date(push.at).toISOString() }
}

/**
 * A paid order converts the pushes its household received within the conversion window before payment:
 * one delivery per push (the payer's own when they were sent it, else the household's first), so a home
 * with two members counts one order once. The condition orderedAt = null makes a repeated notify, or a
 * second order, change nothing.
 */
export async function creditConversion(
  platform: Platform,
  order: { _id: string; householdId: string; communityId: string; payerOpenid: string; amountFen: number },
  paidAt: Date,
): Promise<number> {
  const db = platform.db
  const _ = db.command
  const settings = await loadProfileSettings(db, order.communityId)
  const since = new Date(paidAt.getTime() - settings.conversionDays * DAY_MS)
  const received = must(
    await db.collection(SEGMENT_COLLECTIONS.deliveries).where({ householdId: order.householdId, sentAt: _.and(_.gte(since), _.lte(paidAt)) }).limit(200).get(),
  ).data as DeliveryDoc[]
  const byPush = new Map<string, DeliveryDoc[]>()
  for (const d of received) byPush.set(d.pushId, [...(byPush.get(d.pushId) ?? []), d])
  let credited = 0
  for (const list of byPush.values()) {
    if (list.some((d) => d.orderedAt)) continue
    const chosen = list.find((d) => d.openid === order.payerOpenid) ?? [...list].sort((a, b) => a._id.localeCompare(b._id))[0]
    const res = must(await db.collection(SEGMENT_COLLECTIONS.deliveries).where({ _id: chosen._id, orderedAt: null }).update({ orderedAt: paidAt, orderId: order._id, orderFen: order.amountFen })) as { updated?: number }
    credited += res.updated ?? 0
  }
  return credited
}

interface Rate {
  sent: number
  opened: number
  ordered: number
  orderFen: number
}

const rate = (): Rate => ({ sent: 0, opened: 0, ordered: 0, orderFen: 0 })

/**
 * Conversion of the community's recent pushes (newest 100): per push, per segment and per pusher (steward
 * or ops), counted by the database (one aggregation over deliveries), never by loading deliveries.
 * A steward sees only their own pushes.
 */
export async function conversionReport(ctx: ActionContext, communityId: string) {
  const access = await ctx.access()
  const scope = builderScope(access, communityId)
  const db = ctx.platform.db
  const _ = db.command
  const $ = _.aggregate
  const where = scope.role === 'ops' ? { communityId } : { communityId, pusherOpenid: access.openid }
  const pushes = must(await db.collection(SEGMENT_COLLECTIONS.pushes).where(where).orderBy('at', 'desc').limit(100).get()).data as PushDoc[]
  if (pushes.length === 0) return { pushes: [], bySegment: [], byPusher: [] }
  const agg = must(
    await db
      .collection(SEGMENT_COLLECTIONS.deliveries)
      .aggregate()
      .match({ pushId: _.in(pushes.map((p) => p._id)) })
      .group({
        _id: '$pushId',
        sent: $.sum(1),
        opened: $.sum($.cond([$.eq(['$openedAt', null]), 0, 1])),
        ordered: $.sum($.cond([$.eq(['$orderedAt', null]), 0, 1])),
        orderFen: $.sum('$orderFen'),
      })
      .limit(100)
      .end(),
  ) as { data: ({ _id: string } & Rate)[] }
  const byPush = new Map(agg.data.map((r) => [r._id, r]))
  const bySegment = new Map<string, Rate & { name: string }>()
  const byPusher = new Map<string, Rate & { role: string }>()
  const rows = pushes.map((p) => {
    const r = byPush.get(p._id) ?? { ...rate() }
    const seg = bySegment.get(p.segmentId) ?? { ...rate(), name: p.segmentName }
    const who = byPusher.get(p.pusherOpenid) ?? { ...rate(), role: p.pusherRole }
    for (const acc of [seg, who]) {
      acc.sent += r.sent
      acc.opened += r.opened
      acc.ordered += r.ordered
      acc.orderFen += r.orderFen
    }
    bySegment.set(p.segmentId, seg)
    byPusher.set(p.pusherOpenid, who)
    return {
      pushId: p._id,
      segmentId: p.segmentId,
      segmentName: p.segmentName,
      title: p.title,
      at: new Date(p.at).toISOString(),
      households: p.households,
      skippedOptOut: p.skippedOptOut,
      skippedRateLimit: p.skippedRateLimit,
      groups: p.groups,
      sent: r.sent,
      opened: r.opened,
      ordered: r.ordered,
      orderFen: r.orderFen,
    }
  })
  return {
    pushes: rows,
    bySegment: [...bySegment].map(([segmentId, r]) => ({ segmentId, name: r.name, sent: r.sent, opened: r.opened, ordered: r.ordered, orderFen: r.orderFen })),
    byPusher: [...byPusher].map(([openid, r]) => ({ pusher: openid === access.openid ? '我' : r.role === 'ops' ? '运营' : `管家 ${openid.slice(-4)}`, role: r.role, sent: r.sent, opened: r.opened, ordered: r.ordered, orderFen: r.orderFen })),
  }
}
