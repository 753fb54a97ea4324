import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { collectionOf } from '../kernel/collection'
import { ORDER_COLLECTIONS, type OrderDoc } from '../orders'
import { loadCampaign, loadEntry } from '../groupbuy'
import { loadMerchant } from './merchant-admin.service'
import { forgetListing } from './payment-terms.rule'
import { MERCHANT_COLLECTIONS, type ListingDoc, type ListingKind, type MerchantDoc, type Seller } from './merchant.model'

export const listingIdFor = (kind: ListingKind, refId: string) => `${kind}-${refId}`
export const PROPERTY_SELLER_NAME = '物业公司'

export interface SellerChoice {
  kind: ListingKind
  refId: string
  communityId: string
  /** null: the property company sells it (the default for everything). */
  merchantId: string | null
  /** Absent: the merchant's default 扣点. */
  rateBp?: number
  rateReason?: string
  by: string
}

async function listedThing(platform: Platform, kind: ListingKind, refId: string): Promise<{ communityId: string; title: string } | null> {
  if (kind === 'groupbuy') {
    const c = await loadCampaign(platform.db, refId)
    return c ? { communityId: c.communityId, title: c.title } : null
  }
  const item = (must(await platform.db.collection(ORDER_COLLECTIONS.serviceItems).doc(refId).get()).data as { communityId: string; title: string }[])[0]
  return item ? { communityId: item.communityId, title: item.title } : null
}

/**
 * Names the seller of a group-buy campaign or a bookable service, with its 扣点. Orders already paid keep
 * the seller they were paid under (their split is stored); the choice applies to orders paid from now on.
 */
export async function setSeller(platform: Platform, choice: SellerChoice): Promise<ListingDoc> {
  const thing = await listedThing(platform, choice.kind, choice.refId)
  if (!thing || thing.communityId !== choice.communityId) throw new DomainError('MERCHANT.LISTING_NOT_FOUND')
  let merchant: MerchantDoc | null = null
  if (choice.merchantId) {
    merchant = await loadMerchant(platform, choice.merchantId)
    if (!merchant.communityIds.includes(choice.communityId)) throw new DomainError('MERCHANT.NOT_IN_COMMUNITY')
    if (merchant.status !== 'active') throw new DomainError('MERCHANT.SUSPENDED')
  }
  const defaultRate = merchant ? merchant.defaultRateBp : 10_000
  const rateBp = merchant ? (choice.rateBp ?? defaultRate) : 10_000
  const reason = choice.rateReason?.trim() || null
  if (merchant && rateBp !== defaultRate && !reason) throw new DomainError('MERCHANT.RATE_REASON_REQUIRED')
  const doc: ListingDoc = {
    _id: listingIdFor(choice.kind, choice.refId),
    kind: choice.kind,
    refId: choice.refId,
    communityId: choice.communityId,
    sellerKind: merchant ? 'merchant' : 'property',
    merchantId: merchant?._id ?? null,
    rateBp,
    rateReason: merchant && rateBp !== defaultRate ? reason : null,
    updatedBy: choice.by,
    updatedAt: platform.clock.now(),
  }
  const { _id, ...fields } = doc
  must(await platform.db.collection(MERCHANT_COLLECTIONS.listings).doc(_id).set(fields))
  forgetListing(platform, _id)
  platform.logger.info('merchants.seller_set', { listing: _id, merchantId: doc.merchantId, rateBp })
  return doc
}

export const propertySeller = (): Seller => ({ kind: 'property', merchantId: null, name: PROPERTY_SELLER_NAME })

/** Who sells what an order bought, and at what 扣点 (the property company at 100% when no merchant is named). */
export async function sellerOfOrder(
  platform: Platform,
  order: Pick<OrderDoc, '_id' | 'type' | 'lines'>,
): Promise<{ seller: Seller; rateBp: number; rateReason: string | null; campaignId: string | null }> {
  let campaignId: string | null = null
  let listingId: string | null = null
  if (order.type === 'groupbuy') {
    campaignId = (await loadEntry(platform.db, order._id))?.campaignId ?? null
    if (campaignId) listingId = listingIdFor('groupbuy', campaignId)
  } else if (order.type === 'service') {
    const item = order.lines.find((l) => l.refType === 'service_item') ?? order.lines[0]
    if (item) listingId = listingIdFor('service', item.refId)
  }
  const listing = listingId ? await collectionOf<ListingDoc>(platform.db, MERCHANT_COLLECTIONS.listings).byId(listingId) : null
  if (!listing || listing.sellerKind === 'property' || !listing.merchantId) return { seller: propertySeller(), rateBp: 10_000, rateReason: null, campaignId }
  const merchant = await collectionOf<MerchantDoc>(platform.db, MERCHANT_COLLECTIONS.merchants).byId(listing.merchantId)
  if (!merchant) return { seller: propertySeller(), rateBp: 10_000, rateReason: null, campaignId }
  return { seller: { kind: 'merchant', merchantId: merchant._id, name: merchant.name }, rateBp: listing.rateBp, rateReason: listing.rateReason ?? null, campaignId }
}

export async function listingsOf(platform: Platform, communityId: string): Promise<ListingDoc[]> {
  return must(await platform.db.collection(MERCHANT_COLLECTIONS.listings).where({ communityId }).limit(500).get()).data as ListingDoc[]
}
