import { createHash } from 'node:crypto'
import type { ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { isDuplicateKey, must } from '../kernel/db-result'
import { activeMembersOf } from '../households'
import { groupsOfMembers } from '../groups'
import { notify, recordInbox, thing } from '../notify'
import { useConsent } from './push-consent.service'
import { builderScope, targetBuildings } from './builder-scope'
import { optedOutAmong } from './push-optout.service'
import { loadProfileSettings } from './profile-settings'
import { evaluateSegment } from './segment-evaluate'
import { loadOwnSegment } from './segment.service'
import { SEGMENT_COLLECTIONS, type DeliveryDoc, type PushDoc } from './segment.model'

const WEEK_MS = 7 * 86_400_000
export const PUSH_TEMPLATE = 'profile_push'
/** The resident's page for a push: shows it, records the open, links to the campaign. */
export const pushPage = (pushId: string) => `packages/profiles/pages/push/index?id=${pushId}`

export interface PushInput {
  segmentId: string
  title: string
  body: string
  campaignId: string | null
  itemIds: string[]
}

/** Pushes of the last 7 days per person, to hold the weekly cap. */
async function recentPushCounts(ctx: ActionContext, openids: string[]): Promise<Map<string, number>> {
  const db = ctx.platform.db
  const _ = db.command
  const since = new Date(ctx.now().getTime() - WEEK_MS)
  const counts = new Map<string, number>()
  for (let i = 0; i < openids.length; i += 100) {
    const rows = must(
      await db.collection(SEGMENT_COLLECTIONS.deliveries).where({ openid: _.in(openids.slice(i, i + 100)), sentAt: _.gte(since) }).field({ openid: true }).limit(1000).get(),
    ).data as Pick<DeliveryDoc, 'openid'>[]
    for (const r of rows) counts.set(r.openid, (counts.get(r.openid) ?? 0) + 1)
  }
  return counts
}

/**
 * Pushes a campaign message to a segment: every active member of the segment's households (as the
 * segment selects them now, cut to the pusher's grid) gets one subscribe message — one per person per
 * push, the 消息中心 copy included — except people who opted out (我的 → 推送设置) and people who already
 * had the weekly cap of pushes. The chat groups holding the recipients come back so the pusher can post the
 * card there. The push id comes from the caller's request id, so a retried call after a crash sends to
 * whoever the first run missed and to nobody twice (deliveries and notify both key on push + person).
 */
export async function pushToSegment(ctx: ActionContext, input: PushInput) {
  const segment = await loadOwnSegment(ctx, input.segmentId)
  const access = await ctx.access()
  const scope = builderScope(access, segment.communityId)
  const buildings = targetBuildings(
    scope,
    scope.buildingIds === null ? segment.criteria.buildingIds : segment.criteria.buildingIds.filter((b) => scope.buildingIds!.includes(b)),
  )
  const db = ctx.platform.db
  const now = ctx.now()
  const requestKey = ctx.requestId ?? `${now.getTime()}`
  const pushId = `push_${createHash('sha256').update(`${access.openid}|${requestKey}`).digest('hex').slice(0, 24)}`
  const { households } = await evaluateSegment(ctx.platform, segment.communityId, buildings, segment.criteria)
  if (households.length === 0) throw new DomainError('PROFILE.SEGMENT_EMPTY')
  const members = await activeMembersOf(db, households.map((h) => h._id))
  const people = [...new Set(members.map((m) => m.openid))]
  const optedOut = await optedOutAmong(db, people)
  const settings = await loadProfileSettings(db, segment.communityId)
  const recent = await recentPushCounts(ctx, people.filter((p) => !optedOut.has(p)))
  // Our own earlier run of this push counts as this push, not as a previous one.
  const already = new Set(
    (must(await db.collection(SEGMENT_COLLECTIONS.deliveries).where({ pushId }).field({ openid: true }).limit(1000).get()).data as Pick<DeliveryDoc, 'openid'>[]).map((d) => d.openid),
  )
  const seen = new Set<string>()
  const targets: { householdId: string; openid: string }[] = []
  let skippedOptOut = 0
  let skippedRateLimit = 0
  for (const m of members) {
    if (seen.has(m.openid)) continue
    seen.add(m.openid)
    if (optedOut.has(m.openid)) skippedOptOut++
    else if (!already.has(m.openid) && (recent.get(m.openid) ?? 0) >= settings.pushesPerWeek) skippedRateLimit++
    else targets.push(m)
  }
  const groups = await groupsOfMembers(db, segment.communityId, targets.map((t) => t.openid))
  const push: Omit<PushDoc, '_id'> = {
    segmentId: segment._id,
    segmentName: segment.name,
    communityId: segment.communityId,
    pusherOpenid: access.openid,
    pusherRole: scope.role,
    title: input.title,
    body: input.body,
    campaignId: input.campaignId,
    itemIds: input.itemIds,
    households: households.length,
    recipients: targets.length,
    skippedOptOut,
    skippedRateLimit,
    groups,
    status: 'sending',
    at: now,
  }
  const existing = (must(await db.collection(SEGMENT_COLLECTIONS.pushes).doc(pushId).get()).data as PushDoc[])[0]
  if (!existing) must(await db.collection(SEGMENT_COLLECTIONS.pushes).doc(pushId).set(push))
  let subscribeMessages = 0
  for (const t of targets) {
    const delivery: DeliveryDoc = {
      _id: `${pushId}:${t.openid}`,
      pushId,
      segmentId: segment._id,
      communityId: segment.communityId,
      pusherOpenid: access.openid,
      householdId: t.householdId,
      openid: t.openid,
      sentAt: now,
      openedAt: null,
      orderedAt: null,
      orderId: null,
      orderFen: 0,
    }
    try {
      must(await db.collection(SEGMENT_COLLECTIONS.deliveries).add(delivery))
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
    }
    const message = {
      toOpenid: t.openid,
      template: PUSH_TEMPLATE,
      page: pushPage(pushId),
      data: { thing1: thing(input.title), thing2: thing(input.body) },
      dedupeKey: `${PUSH_TEMPLATE}:${pushId}:${t.openid}`,
    }
    // One WeChat card per consent the person gave (WeChat delivers nothing else); without one, only the
    // 消息中心 copy, which they see when they next open the mini-program.
    if (await useConsent(db, t.openid, PUSH_TEMPLATE, delivery._id)) {
      subscribeMessages++
      await notify(ctx.platform, message)
    } else if ((await recordInbox(db, message, now)) === 'failed') ctx.platform.logger.warn('profiles.push_inbox_failed', { pushId })
  }
  must(await db.collection(SEGMENT_COLLECTIONS.pushes).doc(pushId).update({ status: 'sent' }))
  return { pushId, households: households.length, recipients: targets.length, skippedOptOut, skippedRateLimit, subscribeMessages, groups }
}
