import { instanceMemo } from '../kernel/instance-memo'
import type { CampaignDoc, SkuDoc } from './groupbuy.model'

/**
 * The sold-out memo of a flash sale: the campaign and SKUs this function instance last read, for one second.
 * placeOrder's precheck refuses an attempt for a SKU this memo saw without enough stock, without reading the
 * database again (in a flash sale most attempts meet a sold-out SKU). Stock only ever grows back through
 * giveBackStock (stock-ledger.ts), which forgets the campaign here, so in this instance a unit given back is
 * for sale again at once; another instance may refuse for up to a second longer. Only SOLD_OUT is ever
 * answered from the memo: every other outcome, and every acceptance, comes from fresh reads.
 */
const SEEN_TTL_MS = 1000

interface Seen {
  campaign: CampaignDoc
  skus: SkuDoc[]
}

const memo = instanceMemo<Seen>(SEEN_TTL_MS)

export function rememberCampaignStock(db: object, campaign: CampaignDoc, skus: SkuDoc[]): void {
  memo.set(db, campaign._id, { campaign, skus })
}

export function recentCampaignStock(db: object, campaignId: string): Seen | undefined {
  return memo.get(db, campaignId)
}

/** Stock of `skuId` came back (a cancel, an expiry, a refund): whatever this instance saw of it is out of date. */
export function forgetSkuStock(db: object, skuId: string): void {
  memo.deleteWhere(db, (seen) => seen.skus.some((s) => s._id === skuId))
}
