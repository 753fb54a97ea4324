import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { createVisitorPassInput } from '../../contracts/access.contract'
import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { forbidden, notFound } from '../kernel/domain-error'
import { can, type CallerAccess } from '../auth'
import { accessError } from './access-errors'
import { ACCESS_COLLECTIONS, type VisitorPassDoc } from './access.model'
import { activeDoors, doorsInScope, resolveMembership } from './door-rights'
import { statusOf, toVisitorPass } from './visitor-pass.rules'

type CreateInput = z.infer<typeof createVisitorPassInput>

/** A pass may be issued a little in the past (clock skew, a slow form) and at most a month ahead. */
const START_GRACE_MS = 10 * 60_000
const MAX_LEAD_MS = 30 * 86400_000

/**
 * Everything is checked before the one write: window against the server clock, and every door against
 * the household's own scope (gates + its building's unit doors) — a resident cannot invite a visitor
 * through a door they could not open themselves.
 */
export async function createVisitorPass(platform: Platform, access: CallerAccess, now: Date, input: CreateInput) {
  const { db } = platform
  const membership = resolveMembership(access, input.householdId)
  const startsAt = new Date(input.startsAt)
  const endsAt = new Date(input.endsAt)
  if (startsAt.getTime() < now.getTime() - START_GRACE_MS || startsAt.getTime() > now.getTime() + MAX_LEAD_MS || endsAt <= now) {
    throw accessError('ACCESS.WINDOW_INVALID')
  }
  const doors = await activeDoors(db, membership.communityId)
  const scope = new Map(doorsInScope(doors, membership).map((d) => [d._id, d]))
  const doorIds = [...new Set(input.doorIds)]
  if (doorIds.some((id) => !scope.has(id))) throw accessError('ACCESS.DOOR_OUT_OF_SCOPE')

  const pass: VisitorPassDoc = {
    _id: `vp${randomBytes(10).toString('hex')}`,
    communityId: membership.communityId,
    householdId: membership.householdId,
    issuerOpenid: access.openid,
    visitorName: input.visitorName,
    doorIds,
    doorNos: doorIds.map((id) => scope.get(id)!.doorNo),
    startsAt,
    endsAt,
    maxUses: input.maxUses,
    usedCount: 0,
    status: 'active',
    shareToken: randomBytes(16).toString('base64url'),
    createdAt: now,
  }
  must(await db.collection(ACCESS_COLLECTIONS.visitorPasses).add(pass))
  return toVisitorPass(pass, doors, statusOf(pass, now))
}

export async function listVisitorPasses(platform: Platform, access: CallerAccess, now: Date, input: { householdId?: string; offset: number; limit: number }) {
  const { db } = platform
  const membership = resolveMembership(access, input.householdId)
  const [res, doors] = await Promise.all([
    db.collection(ACCESS_COLLECTIONS.visitorPasses).where({ householdId: membership.householdId }).orderBy('createdAt', 'desc').skip(input.offset).limit(input.limit + 1).get(),
    activeDoors(db, membership.communityId),
  ])
  const passes = must(res).data as VisitorPassDoc[]
  return { items: passes.slice(0, input.limit).map((p) => toVisitorPass(p, doors, statusOf(p, now))), hasMore: passes.length > input.limit }
}

/**
 * The issuer, or the owner of the issuing household, may revoke. Revoking twice is harmless. The caller's
 * access (`ctx.access`) is asked only once the pass exists.
 */
export async function revokeVisitorPass(platform: Platform, askAccess: () => Promise<CallerAccess>, now: Date, passId: string) {
  const { db } = platform
  const pass = (must(await db.collection(ACCESS_COLLECTIONS.visitorPasses).doc(passId).get()).data as VisitorPassDoc[])[0]
  if (!pass) throw notFound('访客通行证')
  const access = await askAccess()
  const household = { communityId: pass.communityId, householdId: pass.householdId }
  const isOwner = can(access, 'household.own', household)
  const isLiveIssuer = pass.issuerOpenid === access.openid && can(access, 'household.act', household)
  if (!isOwner && !isLiveIssuer) throw forbidden()
  must(await db.collection(ACCESS_COLLECTIONS.visitorPasses).where({ _id: passId, status: 'active' }).update({ status: 'revoked', revokedAt: now }))
  return { passId, status: 'revoked' as const }
}
