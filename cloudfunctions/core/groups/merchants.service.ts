import { createHash, randomInt } from 'node:crypto'
import type { Platform } from '../kernel/platform'
import { authorize, type CallerAccess } from '../auth'
import { must, rethrowDomain } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { COLLECTIONS } from '../households'
import { GROUP_COLLECTIONS, type MerchantDoc, type MerchantInviteDoc } from './group.model'

const INVITE_TTL_MS = 7 * 86_400_000
/** No 0/O, 1/I: the code is read aloud or typed from a screenshot. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/**
 * Merchants are not in the household registry, so the steward vouches for them: a one-time code for a
 * named shop, which the shop owner enters once in the mini-program. From then on their WeChat is a
 * merchant of that community (the identity the join rules send to merchant groups only).
 */
export async function inviteMerchant(platform: Platform, access: CallerAccess, input: { communityId: string; shopName: string; buildingId?: string }) {
  const db = platform.db
  authorize(access, 'community.lead', { communityId: input.communityId })
  if (input.buildingId) {
    const b = (must(await db.collection(COLLECTIONS.buildings).doc(input.buildingId).get()).data as { communityId: string }[])[0]
    if (!b || b.communityId !== input.communityId) throw new DomainError('GROUP.BUILDING_UNKNOWN', '楼栋不属于该小区')
  }
  const now = platform.clock.now()
  const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
  const invite: MerchantInviteDoc = {
    _id: code,
    communityId: input.communityId,
    shopName: input.shopName,
    buildingId: input.buildingId ?? null,
    stewardOpenid: access.openid,
    expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
    claimedBy: null,
    createdAt: now,
  }
  must(await db.collection(GROUP_COLLECTIONS.merchantInvites).add(invite))
  return { code, expiresAt: invite.expiresAt.toISOString() }
}

export function merchantId(communityId: string, openid: string): string {
  return `mc-${createHash('sha256').update(`${communityId}|${openid}`).digest('hex').slice(0, 32)}`
}

/** Claims a code once (a transaction: the invite and the merchant record change together). */
export async function claimMerchant(platform: Platform, openid: string, code: string) {
  const db = platform.db
  const now = platform.clock.now()
  const invalid = () => new DomainError('GROUP.INVITE_INVALID', '邀请码无效或已过期，请向管家重新获取')
  try {
    return await db.runTransaction(async (t: any) => {
      const invite = must(await t.collection(GROUP_COLLECTIONS.merchantInvites).doc(code).get()).data as MerchantInviteDoc | undefined
      if (!invite || new Date(invite.expiresAt).getTime() <= now.getTime()) throw invalid()
      if (invite.claimedBy && invite.claimedBy !== openid) throw invalid()
      if (!invite.claimedBy) {
        const merchant: MerchantDoc = {
          _id: merchantId(invite.communityId, openid),
          communityId: invite.communityId,
          openid,
          shopName: invite.shopName,
          buildingId: invite.buildingId,
          stewardOpenid: invite.stewardOpenid,
          status: 'active',
          claimedAt: now,
        }
        const { _id, ...rest } = merchant
        must(await t.collection(GROUP_COLLECTIONS.merchants).doc(_id).set(rest))
        must(await t.collection(GROUP_COLLECTIONS.merchantInvites).doc(code).update({ claimedBy: openid }))
      }
      return { communityId: invite.communityId, shopName: invite.shopName }
    })
  } catch (e) {
    rethrowDomain(e)
  }
}
