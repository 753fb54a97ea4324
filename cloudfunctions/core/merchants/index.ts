import { defineArea } from '../kernel/area'
import { MERCHANT_ERROR_MESSAGES } from '../../contracts/errors/merchants'
import { MERCHANT_COLLECTIONS, MERCHANT_INDEXES } from './merchant.model'
import { profitSharingTerms } from './payment-terms.rule'
import { merchantsFulfilledEffect, merchantsPaidEffect, merchantsRefundedEffect } from './merchants-effects'

/**
 * Merchants and suppliers selling in the community: who sells what (seller + 扣点 per campaign / service),
 * the split of every paid order, monthly merchant statements, WeChat Pay 分账 and invoices from the seller.
 * docs/merchants.md has the money model.
 */
export const merchantsArea = defineArea({
  name: 'merchants',
  collections: Object.values(MERCHANT_COLLECTIONS),
  indexes: MERCHANT_INDEXES,
  errors: MERCHANT_ERROR_MESSAGES,
  paymentTerms: { 'merchants.profit-sharing': profitSharingTerms },
  effects: { 'merchants.paid': merchantsPaidEffect, 'merchants.fulfilled': merchantsFulfilledEffect, 'merchants.refunded': merchantsRefundedEffect },
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export type { MerchantDoc, SplitDoc, Seller } from './merchant.model'
export { MERCHANT_COLLECTIONS } from './merchant.model'
