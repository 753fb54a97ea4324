import type { Platform } from '../kernel/platform'
import type { OrderDoc, PaymentTermsRule } from '../orders'
import { loadEntry } from '../groupbuy'
import { collectionOf } from '../kernel/collection'
import { listingIdFor } from './listing.service'
import { MERCHANT_COLLECTIONS, type ListingDoc } from './merchant.model'

/** Listings change rarely; a prepay burst (a flash sale) reads each one once per few seconds, not per order. */
const MEMO_MS = 5_000
const memo = new WeakMap<Platform, Map<string, { at: number; merchantSells: boolean }>>()

async function merchantSells(platform: Platform, listingId: string): Promise<boolean> {
  const now = platform.clock.now().getTime()
  const seen = memo.get(platform) ?? new Map()
  memo.set(platform, seen)
  const hit = seen.get(listingId)
  if (hit && now - hit.at < MEMO_MS) return hit.merchantSells
  const listing = await collectionOf<ListingDoc>(platform.db, MERCHANT_COLLECTIONS.listings).byId(listingId)
  const value = listing?.sellerKind === 'merchant' && !!listing.merchantId
  seen.set(listingId, { at: now, merchantSells: value })
  return value
}

/** setSeller calls this so the same instance sees the new seller at once. */
export function forgetListing(platform: Platform, listingId: string): void {
  memo.get(platform)?.delete(listingId)
}

/**
 * A merchant's sale is paid with profit sharing switched on, so its share can be split out to the merchant
 * after fulfilment (WeChat Pay refuses to split a payment made without it). A seller changed in the last
 * few seconds may miss this; such a sale is then paid to the merchant by the monthly statement instead of
 * 分账 (recordSale checks what the payment allowed).
 */
export const profitSharingTerms: PaymentTermsRule = async (platform: Platform, order: OrderDoc) => {
  if (order.type === 'service') {
    const item = order.lines.find((l) => l.refType === 'service_item') ?? order.lines[0]
    return { profitSharing: item ? await merchantSells(platform, listingIdFor('service', item.refId)) : false }
  }
  if (order.type === 'groupbuy') {
    // Group-buy orders name their campaign (offerId); orders placed before they did are looked up by entry.
    const campaignId = order.offerId ?? (await loadEntry(platform.db, order._id))?.campaignId
    return { profitSharing: campaignId ? await merchantSells(platform, listingIdFor('groupbuy', campaignId)) : false }
  }
  return {}
}
