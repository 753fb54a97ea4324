import { timingSafeEqual } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import type { VisitorPass } from '../../contracts/access.contract'
import { must } from '../kernel/db-result'
import { notFound } from '../kernel/domain-error'
import { COLLECTIONS } from '../households'
import { accessError } from './access-errors'
import { ACCESS_COLLECTIONS, type DoorDoc, type VisitorPassDoc } from './access.model'
import { doorView } from './door-rights'

export type VisitorPassStatus = VisitorPass['status']

export function statusOf(pass: VisitorPassDoc, now: Date): VisitorPassStatus {
  if (pass.status === 'revoked') return 'revoked'
  if (now.getTime() < new Date(pass.startsAt).getTime()) return 'not_started'
  if (now.getTime() >= new Date(pass.endsAt).getTime()) return 'expired'
  if (pass.usedCount >= pass.maxUses) return 'used_up'
  return 'active'
}

const STATUS_ERRORS = {
  revoked: 'ACCESS.PASS_REVOKED',
  not_started: 'ACCESS.PASS_NOT_STARTED',
  expired: 'ACCESS.PASS_EXPIRED',
  used_up: 'ACCESS.PASS_USED_UP',
} as const

const STATUS_REASONS = { revoked: 'PASS_REVOKED', not_started: 'PASS_NOT_STARTED', expired: 'PASS_EXPIRED', used_up: 'PASS_USED_UP' } as const

export function refusalOf(status: Exclude<VisitorPassStatus, 'active'>) {
  return { error: accessError(STATUS_ERRORS[status]), reason: STATUS_REASONS[status] }
}

/** A wrong token answers exactly like a missing pass: the link is the credential. */
export async function loadPassByLink(db: Db, passId: string, token: string): Promise<VisitorPassDoc> {
  const pass = (must(await db.collection(ACCESS_COLLECTIONS.visitorPasses).doc(passId).get()).data as VisitorPassDoc[])[0]
  const a = Buffer.from(pass?.shareToken ?? '')
  const b = Buffer.from(token)
  if (!pass || a.length !== b.length || !timingSafeEqual(a, b)) throw notFound('访客通行证')
  return pass
}

/**
 * A visitor pass lives only as long as its issuer's membership: a removed member's invitations die
 * with their own access, at once.
 */
export async function issuerStillMember(db: Db, pass: Pick<VisitorPassDoc, 'issuerOpenid' | 'householdId'>): Promise<boolean> {
  const res = must(await db.collection(COLLECTIONS.residents).where({ openid: pass.issuerOpenid, householdId: pass.householdId, status: 'active' }).limit(1).get())
  return res.data.length > 0
}

/** Effective status, with a lapsed issuer counting as revoked. */
export async function liveStatusOf(db: Db, pass: VisitorPassDoc, now: Date): Promise<VisitorPassStatus> {
  const status = statusOf(pass, now)
  if (status === 'active' && !(await issuerStillMember(db, pass))) return 'revoked'
  return status
}

export function toVisitorPass(pass: VisitorPassDoc, doors: DoorDoc[], status: VisitorPassStatus): VisitorPass {
  const byId = new Map(doors.map((d) => [d._id, d]))
  return {
    passId: pass._id,
    visitorName: pass.visitorName,
    householdId: pass.householdId,
    doors: pass.doorIds.flatMap((id) => (byId.has(id) ? [doorView(byId.get(id)!)] : [])),
    startsAt: new Date(pass.startsAt).toISOString(),
    endsAt: new Date(pass.endsAt).toISOString(),
    maxUses: pass.maxUses,
    usedCount: pass.usedCount,
    status,
    shareToken: pass.shareToken,
    createdAt: new Date(pass.createdAt).toISOString(),
  }
}
