import type { SellerOption } from '@contracts/merchants.schemas'

/** The seller part of the 发起团购 form: 物业自营 (merchantId null) or a merchant, its 扣点 as typed (%), why it differs. */
export interface SellerDraft {
  merchantId: string | null
  /** The chosen merchant's default 扣点 (bp), to tell an override from the default. */
  defaultRateBp: number | null
  ratePercent: string
  reason: string
}

export const PROPERTY_SELLER: SellerDraft = { merchantId: null, defaultRateBp: null, ratePercent: '', reason: '' }

export const percentOf = (bp: number) => String(bp / 100)

/** Choosing a merchant starts from its default 扣点; nothing to explain until it is changed. */
export function chooseMerchant(option: SellerOption | null): SellerDraft {
  return option ? { merchantId: option.merchantId, defaultRateBp: option.defaultRateBp, ratePercent: percentOf(option.defaultRateBp), reason: '' } : PROPERTY_SELLER
}

export type SellerChoiceInput = { merchantId: string; rateBp?: number; rateReason?: string }

/**
 * What setSeller needs, or the problem to show before anything is published: a 扣点 of 0–100 % in steps of
 * 0.01 %, and a reason whenever it is not the merchant's default (the server asks the same:
 * MERCHANT.RATE_REASON_REQUIRED). null: the property company sells it (nothing to send).
 */
export function sellerChoiceOf(d: SellerDraft): { problem: string } | { input: SellerChoiceInput | null } {
  if (!d.merchantId || d.defaultRateBp === null) return { input: null }
  const option = { merchantId: d.merchantId, defaultRateBp: d.defaultRateBp }
  const pct = Number(d.ratePercent)
  const bp = Math.round(pct * 100)
  if (d.ratePercent.trim() === '' || !Number.isFinite(pct) || pct < 0 || pct > 100 || Math.abs(pct * 100 - bp) > 1e-6) return { problem: '扣点须为 0–100 之间的数，最多两位小数' }
  if (bp === option.defaultRateBp) return { input: { merchantId: option.merchantId } }
  const reason = d.reason.trim()
  if (!reason) return { problem: `扣点与商户默认的 ${percentOf(option.defaultRateBp)}% 不同，请填写原因` }
  return { input: { merchantId: option.merchantId, rateBp: bp, rateReason: reason } }
}
