import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { DomainError, notFound } from '../kernel/domain-error'
import { COLLECTIONS } from '../households'
import type { CommunityDoc, HouseholdDoc } from '../households'
import { accessError } from './access-errors'
import { passKeysOf } from './access-ports'
import { recordAttempt } from './access-log'
import { ACCESS_COLLECTIONS, type AccessLogDoc, type VisitorPassDoc } from './access.model'
import { activeDoors, loadDoor } from './door-rights'
import { passTiming, PASS_TTL_SECONDS } from './pass-issuance.service'
import { signPass } from './pass-signer'
import { REMOTE_OPEN_LIMIT, takeToken } from './rate-limit'
import { openThroughGateway } from './remote-open.service'
import { liveStatusOf, loadPassByLink, refusalOf, toVisitorPass } from './visitor-pass.rules'

interface Link {
  passId: string
  token: string
}

/** The share card's page: anyone with the link sees where and when, never the host's room or name. */
export async function viewVisitorPass(platform: Platform, link: Link, now: Date) {
  const { db } = platform
  const pass = await loadPassByLink(db, link.passId, link.token)
  const [communityRes, householdRes, doors, status] = await Promise.all([
    db.collection(COLLECTIONS.communities).doc(pass.communityId).get(),
    db.collection(COLLECTIONS.households).doc(pass.householdId).field({ building: true, unit: true }).get(),
    activeDoors(db, pass.communityId),
    liveStatusOf(db, pass, now),
  ])
  const community = (must(communityRes).data as CommunityDoc[])[0]
  const household = (must(householdRes).data as Pick<HouseholdDoc, 'building' | 'unit'>[])[0]
  const { householdId: _h, shareToken: _t, createdAt: _c, ...view } = toVisitorPass(pass, doors, status)
  return { ...view, communityName: community?.name ?? '', hostLabel: household ? `${household.building}${household.unit}` : '' }
}

/** The visitor's QR: the same 30 s signed code as a resident's, naming the pass, capped at its window. */
export async function issueVisitorCode(platform: Platform, link: Link, now: Date) {
  const pass = await loadPassByLink(platform.db, link.passId, link.token)
  const status = await liveStatusOf(platform.db, pass, now)
  if (status !== 'active') throw refusalOf(status).error
  const ttlSeconds = Math.max(1, Math.min(PASS_TTL_SECONDS, Math.floor((new Date(pass.endsAt).getTime() - now.getTime()) / 1000)))
  const signed = signPass({
    communityId: pass.communityId,
    keys: passKeysOf(platform).keysFor(pass.communityId),
    kind: 'visitor',
    subject: pass._id,
    doorNos: pass.doorNos,
    nowMs: now.getTime(),
    ttlSeconds,
  })
  if (!signed) throw accessError('ACCESS.NOT_CONFIGURED')
  return passTiming(signed, ttlSeconds)
}

/**
 * A use is taken atomically (conditional increment below maxUses), so two visitors holding the same
 * card cannot together exceed the count. A failed open gives the use back.
 */
export async function takeVisitorUse(platform: Platform, pass: VisitorPassDoc, now: Date): Promise<boolean> {
  const _ = platform.db.command
  const res = must(
    await platform.db
      .collection(ACCESS_COLLECTIONS.visitorPasses)
      .where({ _id: pass._id, status: 'active', usedCount: _.lt(pass.maxUses), endsAt: _.gt(now) })
      .update({ usedCount: _.inc(1), lastUsedAt: now }),
  )
  return res.updated === 1
}

async function giveUseBack(platform: Platform, passId: string): Promise<void> {
  must(await platform.db.collection(ACCESS_COLLECTIONS.visitorPasses).doc(passId).update({ usedCount: platform.db.command.inc(-1) }))
}

export async function visitorRemoteOpen(platform: Platform, req: { openid: string; now: Date; requestId: string }, input: Link & { doorId: string }) {
  const { db } = platform
  const pass = await loadPassByLink(db, input.passId, input.token)
  const door = await loadDoor(db, input.doorId)
  if (!door || door.status !== 'active' || door.communityId !== pass.communityId) throw notFound('门禁')
  const base: Omit<AccessLogDoc, 'result' | 'reason'> = {
    communityId: door.communityId,
    doorId: door._id,
    doorName: door.name,
    channel: 'visitor_remote',
    subject: 'visitor',
    openid: req.openid,
    householdId: pass.householdId,
    visitorPassId: pass._id,
    at: req.now,
  }
  const refuse = async (reason: AccessLogDoc['reason'], error: DomainError) => {
    await recordAttempt(db, { ...base, result: 'refused', reason })
    throw error
  }
  if (!(await takeToken(db, 'visitor-open', req.openid, req.now, REMOTE_OPEN_LIMIT))) {
    return refuse('RATE_LIMITED', new DomainError('RATE_LIMITED', '开门太频繁，请一分钟后再试'))
  }
  if (!pass.doorIds.includes(door._id)) return refuse('OUT_OF_SCOPE', accessError('ACCESS.DOOR_OUT_OF_SCOPE'))
  const status = await liveStatusOf(db, pass, req.now)
  if (status !== 'active') return refuse(refusalOf(status).reason, refusalOf(status).error)
  if (!(await takeVisitorUse(platform, pass, req.now))) {
    // Lost a race with another use or a revocation: report what the pass is now.
    const fresh = (must(await db.collection(ACCESS_COLLECTIONS.visitorPasses).doc(pass._id).get()).data as VisitorPassDoc[])[0]
    const now = await liveStatusOf(db, fresh, req.now)
    const refusal = refusalOf(now === 'active' ? 'used_up' : now)
    return refuse(refusal.reason, refusal.error)
  }
  const logId = await recordAttempt(db, { ...base, result: 'allowed', reason: null })
  await openThroughGateway(platform, door, logId, { requestId: req.requestId, channel: 'visitor_remote' }, () => giveUseBack(platform, pass._id))
  return { doorId: door._id, doorName: door.name, openedAt: req.now.toISOString(), usesLeft: Math.max(0, pass.maxUses - pass.usedCount - 1) }
}
