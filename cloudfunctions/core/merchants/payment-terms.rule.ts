import type { Platform } from '../kernel/platform'
import type { OrderDoc, PaymentTermsRule } from '../orders'
import { loadEntry } from '../groupbuy'
import { collectionOf } from '../kernel/collection'
import { instanceMemo } from '../kernel/instance-memo'
import { listingIdFor } from './listing.service'
import { MERCHANT_COLLECTIONS, type ListingDoc } from './merchant.model'

/**
 * Listings change rarely; a prepay burst (a flash sale) reads each one once per few seconds, not per order.
 * The kernel's per-instance memo (per database, aged in real time like the sold-out memo). No refresh window
 * (refreshMs 0): once an entry is 5 s old every caller reads afresh, as before the memo moved to the kernel.
 */
const LISTING_MEMO_MS = 5_000
const memo = instanceMemo<boolean>(LISTING_MEMO_MS, 500, 0)

async function merchantSells(platform: Platform, listingId: string): Promise<boolean> {
  const hit = memo.get(platform.db, listingId)
  if (hit !== undefined) return hit
  const listing = await collectionOf<ListingDoc>(platform.db, MERCHANT_COLLECTIONS.listings).byId(listingId)
  const value = listing?.sellerKind === 'merchant' && !!listing.merchantId
  memo.set(platform.db, listingId, value)
  return value
}

/** setSeller calls this so the same instance sees the new seller at once. */
export function forgetListing(platform: Platform, listingId: string): void {
  memo.delete(platform.db, listingId)
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
