import { createHash } from 'node:crypto'
import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { collectionOf } from '../kernel/collection'
import { addStaff, hashPhone, normalizePhone, phonePepper } from '../households'
import { pendingReceiver, registerReceiver } from './receiver.service'
import { MERCHANT_COLLECTIONS, type MerchantDoc, type MerchantStaffDoc } from './merchant.model'

export interface MerchantInput {
  merchantId?: string
  name: string
  licenceNo: string
  contactName: string
  contactPhone: string
  settlementAccount: string
  defaultRateBp: number
  issuesInvoices: boolean
  communityId: string
}

/** Same licence number, same merchant: onboarding twice (or into a second community) updates one document. */
export const merchantIdFor = (licenceNo: string) => `m_${createHash('sha256').update(licenceNo.trim().toUpperCase()).digest('hex').slice(0, 24)}`

const merchants = (p: Platform) => collectionOf<MerchantDoc>(p.db, MERCHANT_COLLECTIONS.merchants)

export async function loadMerchant(platform: Platform, merchantId: string): Promise<MerchantDoc> {
  const m = await merchants(platform).byId(merchantId)
  if (!m) throw new DomainError('MERCHANT.NOT_FOUND')
  return m
}

/**
 * Ops onboard a merchant into their community (console or the ops page). Everything is checked before the
 * single write; the phone is stored as a peppered hash plus its last four digits, like owners' phones.
 * A new merchant, or a changed settlement account, becomes a 分账 receiver right after (a failure there is
 * kept on the merchant for ops to see and retried by the reconcile timer; onboarding itself succeeded).
 */
export async function onboardMerchant(platform: Platform, input: MerchantInput): Promise<{ merchant: MerchantDoc; created: boolean }> {
  const phone = normalizePhone(input.contactPhone)
  if (!phone) throw new DomainError('VALIDATION.FAILED', '联系电话须为 11 位手机号')
  const id = input.merchantId ?? merchantIdFor(input.licenceNo)
  const existing = await merchants(platform).byId(id)
  if (input.merchantId && !existing) throw new DomainError('MERCHANT.NOT_FOUND')
  const now = platform.clock.now()
  const doc: MerchantDoc = {
    _id: id,
    name: input.name.trim(),
    licenceNo: input.licenceNo.trim().toUpperCase(),
    contactName: input.contactName.trim(),
    contactPhoneHash: hashPhone(phone, phonePepper(platform.env)),
    contactPhoneLast4: phone.slice(-4),
    settlementAccount: input.settlementAccount.trim(),
    defaultRateBp: input.defaultRateBp,
    issuesInvoices: input.issuesInvoices,
    communityIds: [...new Set([...(existing?.communityIds ?? []), input.communityId])],
    status: 'active',
    receiver: existing?.receiver?.account === input.settlementAccount.trim() ? existing.receiver : pendingReceiver(input.settlementAccount.trim(), now),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  }
  const { _id, ...fields } = doc
  must(await platform.db.collection(MERCHANT_COLLECTIONS.merchants).doc(_id).set(fields))
  platform.logger.info('merchants.onboarded', { merchantId: id, communityId: input.communityId, created: !existing })
  const receiver = doc.receiver?.state === 'added' ? doc.receiver : await registerReceiver(platform, doc)
  return { merchant: { ...doc, receiver }, created: !existing }
}

export async function setMerchantStatus(platform: Platform, merchantId: string, communityId: string, status: MerchantDoc['status']): Promise<MerchantDoc> {
  const m = await loadMerchant(platform, merchantId)
  if (!m.communityIds.includes(communityId)) throw new DomainError('MERCHANT.NOT_IN_COMMUNITY')
  must(await platform.db.collection(MERCHANT_COLLECTIONS.merchants).doc(merchantId).update({ status, updatedAt: platform.clock.now() }))
  return { ...m, status }
}

export async function merchantsOf(platform: Platform, communityId: string): Promise<MerchantDoc[]> {
  const rows = must(await platform.db.collection(MERCHANT_COLLECTIONS.merchants).where({ communityIds: communityId }).limit(200).get()).data as MerchantDoc[]
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh'))
}

/**
 * A merchant's employee gets the `merchant` staff role in the community (the audience gate and the
 * role-aware home read it) and a link to their merchant. Re-adding reactivates; one merchant per person.
 */
export async function addMerchantStaff(platform: Platform, input: { merchantId: string; communityId: string; openid: string; name: string }) {
  const m = await loadMerchant(platform, input.merchantId)
  if (!m.communityIds.includes(input.communityId)) throw new DomainError('MERCHANT.NOT_IN_COMMUNITY')
  const now = platform.clock.now()
  const link: Omit<MerchantStaffDoc, '_id'> = { merchantId: m._id, openid: input.openid, name: input.name.trim(), communityId: input.communityId, status: 'active', updatedAt: now }
  // Link first: a staff row without a link would show an empty workbench; a link without the row grants nothing.
  must(await platform.db.collection(MERCHANT_COLLECTIONS.staff).doc(`ms_${input.openid}`).set(link))
  const { staffId } = await addStaff(platform.db, { communityId: input.communityId, openid: input.openid, role: 'merchant', name: input.name.trim(), now })
  return { staffId, merchantId: m._id }
}

/** The merchant the signed-in staff member works for; refuses anyone without an active link. */
export async function merchantOfStaff(platform: Platform, openid: string): Promise<{ merchant: MerchantDoc; staff: MerchantStaffDoc }> {
  const link = await collectionOf<MerchantStaffDoc>(platform.db, MERCHANT_COLLECTIONS.staff).byId(`ms_${openid}`)
  if (!link || link.status !== 'active') throw new DomainError('MERCHANT.NOT_MERCHANT_STAFF')
  const merchant = await merchants(platform).byId(link.merchantId)
  if (!merchant) throw new DomainError('MERCHANT.NOT_MERCHANT_STAFF')
  return { merchant, staff: link }
}
