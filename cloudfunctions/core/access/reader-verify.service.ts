import type { Db } from '@cloudbase/database'
import type { RefusalReasonCode } from '../../contracts/access.contract'
import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { notFound } from '../kernel/domain-error'
import { COLLECTIONS } from '../households'
import type { ResidentDoc } from '../households'
import { passKeysOf } from './access-ports'
import { recordAttempt } from './access-log'
import { ACCESS_COLLECTIONS, type AccessLogDoc, type VisitorPassDoc } from './access.model'
import { loadDoor } from './door-rights'
import { holderTagOf, type PassClaims } from './pass-codec'
import { verifyingKey, type PassKey } from './pass-keys'
import { DEFAULT_SKEW_MS, verifyPassCode } from './pass-verifier'
import { firstUseOnServer, markCounted } from './pass-uses'
import { liveStatusOf, refusalOf } from './visitor-pass.rules'
import { takeVisitorUse } from './visitor-use.service'

type Who = Pick<AccessLogDoc, 'subject' | 'openid' | 'householdId' | 'visitorPassId'>

function whoFromClaims(claims?: PassClaims): Who {
  if (!claims) return { subject: 'unknown', openid: null, householdId: null, visitorPassId: null }
  return claims.kind === 'resident'
    ? { subject: 'resident', openid: null, householdId: claims.subject, visitorPassId: null }
    : { subject: 'visitor', openid: null, householdId: null, visitorPassId: claims.subject }
}

/**
 * An online door controller's question. Runs the offline checks, then what only the cloud knows: is the
 * member still a member (removal refuses their very next scan, not 30 s later), is the visitor pass
 * revoked or used up (each first scan takes one use atomically).
 */
export async function readerVerify(platform: Platform, input: { doorId: string; code: string }, now: Date) {
  const { db } = platform
  const door = await loadDoor(db, input.doorId)
  if (!door) throw notFound('门禁')
  const keys = passKeysOf(platform).keysFor(door.communityId)
  const verdict = verifyPassCode(input.code, { communityId: door.communityId, keys, doorNo: door.doorNo, nowMs: now.getTime() })
  let who = whoFromClaims(verdict.claims)
  const answer = async (reason: RefusalReasonCode | null) => {
    await recordAttempt(db, { communityId: door.communityId, doorId: door._id, doorName: door.name, channel: 'reader', ...who, result: reason ? 'refused' : 'allowed', reason, at: now })
    return { allowed: !reason, reason, doorName: door.name }
  }
  if (!verdict.ok) return answer(verdict.reason)
  if (door.status !== 'active') return answer('OUT_OF_SCOPE')

  const use = await firstUseOnServer(db, verdict.replayKey, door._id, new Date(verdict.expiresAtMs))
  if (use.use === 'other-door') return answer('REPLAYED')
  const { claims } = verdict
  if (claims.kind === 'resident') {
    const holder = await liveHolder(db, keys, claims, now)
    if (!holder) return answer('HOLDER_REVOKED')
    who = { ...who, openid: holder }
    return answer(null)
  }
  const pass = (must(await db.collection(ACCESS_COLLECTIONS.visitorPasses).doc(claims.subject).get()).data as VisitorPassDoc[])[0]
  if (!pass) return answer('PASS_REVOKED')
  who = { ...who, householdId: pass.householdId }
  const status = await liveStatusOf(db, pass, now)
  // A re-scan at the same door is the entry already counted: it takes no second use, even the last one.
  const rescan = use.use === 'same-door' && use.counted
  if (status !== 'active' && !(rescan && status === 'used_up')) return answer(refusalOf(status).reason)
  if (!rescan) {
    if (!(await takeVisitorUse(platform, pass, now))) return answer('PASS_USED_UP')
    await markCounted(db, verdict.replayKey)
  }
  return answer(null)
}

/** The openid of the still-active member the code's holder tag names, or null once they are removed. */
async function liveHolder(db: Db, keys: readonly PassKey[], claims: PassClaims, now: Date): Promise<string | null> {
  const key = verifyingKey(keys, claims.kid, now.getTime(), DEFAULT_SKEW_MS)
  if (!key) return null
  const res = must(await db.collection(COLLECTIONS.residents).where({ householdId: claims.subject, status: 'active' }).limit(50).get())
  const member = (res.data as ResidentDoc[]).find((m) => holderTagOf(key.secret, claims.subject, m.openid) === claims.holderTag)
  return member?.openid ?? null
}
