import type { Db } from '@cloudbase/database'
import type { GroupIdentity } from '../../contracts/groups.contract'
import type { CallerAccess } from '../auth'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { GROUP_COLLECTIONS, type MerchantDoc } from './group.model'

/** A person as the join rules see them. */
export interface Classified {
  identity: GroupIdentity
  communityId: string
  /** null for a merchant registered without a shop building. */
  buildingId: string | null
  householdId: string | null
  /** For a merchant: the steward who registered them (the one to tell when no group fits). */
  registeredBy?: string
}

/**
 * Classifies a verified caller: a bound resident by their membership role in the chosen household
 * (owner / family / tenant) and that household's building; otherwise a registered merchant. Someone who
 * is neither cannot join (verification comes first, as the issue says).
 */
export async function classifyCaller(db: Db, access: CallerAccess, householdId?: string): Promise<Classified> {
  if (householdId) {
    const m = access.memberships.find((x) => x.householdId === householdId)
    if (!m) throw new DomainError('AUTH.FORBIDDEN', '只能以自己绑定的房屋申请入群')
    return { identity: m.role, communityId: m.communityId, buildingId: m.buildingId, householdId: m.householdId }
  }
  const first = access.memberships[0]
  if (first) return { identity: first.role, communityId: first.communityId, buildingId: first.buildingId, householdId: first.householdId }
  const merchant = await activeMerchant(db, access.openid)
  if (merchant) return { identity: 'merchant', communityId: merchant.communityId, buildingId: merchant.buildingId, householdId: null, registeredBy: merchant.stewardOpenid }
  throw new DomainError('GROUP.NOT_VERIFIED', '请先绑定房屋（住户）或使用管家给的商户邀请码登记，再申请入群')
}

export async function activeMerchant(db: Db, openid: string): Promise<MerchantDoc | null> {
  const res = must(await db.collection(GROUP_COLLECTIONS.merchants).where({ openid, status: 'active' }).limit(1).get())
  return ((res.data as MerchantDoc[])[0] ?? null)
}
