import type { Platform } from '../kernel/platform'
import type { CampaignCard, SkuView } from '../../contracts/groupbuy.contract'
import { missingParticipants } from './campaign.rules'
import type { CampaignDoc, SkuDoc } from './groupbuy.model'

export const iso = (d: Date | string) => new Date(d).toISOString()

export function toCampaignCard(c: CampaignDoc, skus: SkuDoc[], participants: number, coverUrl: string | null): CampaignCard {
  return {
    campaignId: c._id,
    communityId: c.communityId,
    title: c.title,
    coverUrl,
    mode: c.mode,
    status: c.status,
    outcome: c.outcome,
    deadline: iso(c.deadline),
    priceFromFen: c.priceFromFen,
    participants,
    minParticipants: c.minParticipants,
    missing: missingParticipants(c, participants),
    soldOut: skus.length > 0 && skus.every((s) => s.remaining <= 0),
    soldUnits: skus.reduce((sum, s) => sum + soldOf(s), 0),
    originalPriceFromFen: cheapestOriginal(skus),
  }
}

/** Units held by live orders (paid, or unpaid within their 15 minutes). */
const soldOf = (s: SkuDoc) => Math.max(0, s.stock - Math.max(0, s.remaining))

export function toSkuView(s: SkuDoc, urls: Record<string, string> = {}): SkuView {
  return {
    skuId: s._id,
    title: s.title,
    priceFen: s.priceFen,
    stock: s.stock,
    remaining: Math.max(0, s.remaining),
    limitPerHousehold: s.limitPerHousehold,
    originalPriceFen: s.originalPriceFen ?? null,
    spec: s.spec ?? '',
    origin: s.origin ?? '',
    detail: s.detail ?? '',
    imageUrl: s.image ? urls[s.image] ?? null : null,
    sold: soldOf(s),
  }
}

/** Temp URLs for campaign images; without a storage port (or for missing files) the page shows a placeholder. */
export async function imageUrls(platform: Platform, fileIds: string[]): Promise<Record<string, string>> {
  const storage = platform.ports.storage
  if (!storage || fileIds.length === 0) return {}
  try {
    return await storage.tempUrls(fileIds)
  } catch (e) {
    platform.logger.warn('groupbuy.image_urls_failed', { errorMessage: (e as Error).message })
    return {}
  }
}

/** The 划线价 of the SKU that sets "¥x 起", so the struck price compares like with like. */
function cheapestOriginal(skus: SkuDoc[]): number | null {
  const cheapest = [...skus].sort((a, b) => a.priceFen - b.priceFen)[0]
  return cheapest?.originalPriceFen && cheapest.originalPriceFen > cheapest.priceFen ? cheapest.originalPriceFen : null
}
