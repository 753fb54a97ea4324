import type { CampaignDoc, SkuDoc } from './groupbuy.model'

/**
 * The campaign and SKUs a checkout read a moment ago, handed to the reserve hook that placeOrder runs in the
 * same call, so a winning flash-sale attempt reads them once instead of twice. Keyed by the call's context
 * object: checkout hands placeOrder its own context, and placeOrder hands the hook the same one.
 *
 * Taking them over is as safe as reading again: the hook still judges the campaign (deadline, state,
 * community) at its own time, and what concurrency can change — stock and the household's limit — is decided
 * by the hook's conditional writes, never by a read. A retried call judges afresh and hands over fresh reads.
 */
const readsOfCall = new WeakMap<object, { campaign: CampaignDoc; skus: SkuDoc[] }>()

export function handOverCheckoutReads(ctx: object, campaign: CampaignDoc, skus: SkuDoc[]): void {
  readsOfCall.set(ctx, { campaign, skus })
}

/** The reads handed over in this call when they cover every SKU asked for (taken once), else undefined. */
export function takeCheckoutReads(ctx: object, skuIds: string[]): { campaign: CampaignDoc; skus: SkuDoc[] } | undefined {
  const held = readsOfCall.get(ctx)
  readsOfCall.delete(ctx)
  if (!held) return undefined
  const skus = skuIds.map((id) => held.skus.find((s) => s._id === id))
  if (skus.some((s) => !s || s.campaignId !== held.campaign._id)) return undefined
  return { campaign: held.campaign, skus: [...new Set(skus as SkuDoc[])] }
}
