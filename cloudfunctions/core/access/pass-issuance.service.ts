import type { Platform } from '../kernel/platform'
import type { CallerAccess } from '../auth'
import { signPass } from './pass-signer'
import { activeDoors, doorsInScope, resolveMembership } from './door-rights'
import { passKeysOf } from './access-ports'
import { accessError } from './access-errors'

/** Long enough to walk up to a reader, short enough that a revoked member's last code dies quickly. */
export const PASS_TTL_SECONDS = 30
/** The page asks for the next code this early, leaving room for a slow network and clock skew. */
export const PASS_REFRESH_SECONDS = 20

/**
 * A resident's dynamic pass: signing only, no writes, so refreshing every 20 s costs four reads
 * (three for live membership, one for the community's doors).
 */
export async function issueResidentPass(platform: Platform, access: CallerAccess, now: Date, householdId?: string) {
  const membership = resolveMembership(access, householdId)
  const doors = doorsInScope(await activeDoors(platform.db, membership.communityId), membership)
  const signed = doors.length
    ? signPass({
        communityId: membership.communityId,
        keys: passKeysOf(platform).keysFor(membership.communityId),
        kind: 'resident',
        subject: membership.householdId,
        holderOpenid: access.openid,
        doorNos: doors.map((d) => d.doorNo),
        nowMs: now.getTime(),
        ttlSeconds: PASS_TTL_SECONDS,
      })
    : null
  if (!signed) throw accessError('ACCESS.NOT_CONFIGURED')
  return {
    householdId: membership.householdId,
    ...passTiming(signed, PASS_TTL_SECONDS),
  }
}

export function passTiming(signed: { code: string; issuedAtMs: number; expiresAtMs: number }, ttlSeconds: number) {
  return {
    code: signed.code,
    issuedAt: new Date(signed.issuedAtMs).toISOString(),
    expiresAt: new Date(signed.expiresAtMs).toISOString(),
    ttlSeconds,
    refreshInSeconds: Math.max(1, Math.min(PASS_REFRESH_SECONDS, ttlSeconds - 5)),
  }
}
