import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { ORDER_COLLECTIONS } from '../orders'
import { opsCampaigns } from '../groupbuy'
import type { ListingRow } from '../../contracts/merchants.schemas'
import { listingsOf } from './listing.service'
import { listingView } from './merchant-views'
import type { ListingKind, MerchantDoc } from './merchant.model'

/** Everything of the community that can be sold — latest campaigns and the service items — with its seller. */
export async function sellables(platform: Platform, communityId: string, merchants: MerchantDoc[]): Promise<ListingRow[]> {
  const [campaigns, services, listings] = await Promise.all([
    opsCampaigns(platform, communityId),
    platform.db.collection(ORDER_COLLECTIONS.serviceItems).where({ communityId }).limit(100).get(),
    listingsOf(platform, communityId),
  ])
  const byId = new Map(listings.map((l) => [l._id, l]))
  const ms = new Map(merchants.map((m) => [m._id, m]))
  const row = (kind: ListingKind, refId: string, title: string) => listingView(byId.get(`${kind}-${refId}`) ?? null, kind, refId, title, ms)
  return [
    ...campaigns.campaigns.filter((c) => c.status !== 'closed').map((c) => row('groupbuy', c.campaignId, c.title)),
    ...(must(services).data as { _id: string; title: string }[]).map((s) => row('service', s._id, s.title)),
  ]
}
