import { defineIndexes } from '../kernel/indexes'
import type { CampaignMode, CampaignOutcome, CampaignStatus, EntryStage } from '../../contracts/groupbuy.contract'

export type { CampaignMode, CampaignOutcome, CampaignStatus, EntryStage }

export const GROUPBUY_COLLECTIONS = {
  campaigns: 'groupbuy_campaigns',
  skus: 'groupbuy_skus',
  /** One per (SKU, household): what the household holds of that SKU across all its orders. */
  quotas: 'groupbuy_quotas',
  /** One per group-buy order (same _id as the order): the group-buy side of it. */
  entries: 'groupbuy_orders',
  /** _id = the pickup code, so a code can belong to one order only. */
  pickupCodes: 'groupbuy_pickup_codes',
  /** Share-card opens, for steward attribution (docs/groupbuy.md describes the shape). */
  touches: 'touches',
  /** One per handover at the pickup point (partial pickups make several per order); undo marks, never deletes. */
  redemptions: 'groupbuy_redemptions',
  /** Every change ops or a steward made to a campaign after creating it (extend, close early…), with the reason. */
  changes: 'groupbuy_campaign_changes',
  /** 严选/预售 demand polls and the households that registered intent. */
  polls: 'groupbuy_polls',
  intents: 'groupbuy_poll_intents',
} as const

/** The order line refType of a group-buy SKU. */
export const SKU_REF_TYPE = 'groupbuy_sku'

export interface CampaignDoc {
  _id: string
  communityId: string
  title: string
  description: string
  /** Cloud storage fileIDs (groupbuy/…); shown through temp URLs. */
  images: string[]
  mode: CampaignMode
  minParticipants: number
  deadline: Date
  pickup: { point: string; startsAt: Date; endsAt: Date }
  /** draft → open → closing (outcome decided, orders being processed) → closed. */
  status: CampaignStatus
  outcome: CampaignOutcome | null
  /** Paid households counted when the outcome was decided. */
  participantsAtClose: number | null
  decidedAt: Date | null
  closedAt: Date | null
  /** Cheapest SKU, for list cards without reading SKUs. */
  priceFromFen: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/**
 * A SKU is its own document because its stock is the hot spot of a flash sale: every reservation is one
 * conditional update here. `holders` lists the orders that hold stock, which is what makes reserve and
 * release exactly-once per order (the marker changes in the same atomic update as the count).
 */
export interface SkuDoc {
  _id: string
  campaignId: string
  communityId: string
  title: string
  priceFen: number
  stock: number
  /** stock − units held by live orders; never below 0. */
  remaining: number
  limitPerHousehold: number
  sort: number
  holders: string[]
  /** 划线价: the usual price, shown struck through; null when there is none to compare with. */
  originalPriceFen?: number | null
  /** 规格 ("5斤装 · 果径 75–80mm"), 产地, and a longer per-SKU description. */
  spec?: string
  origin?: string
  detail?: string
  /** Cloud storage fileID of the SKU's own photo. */
  image?: string | null
}

export interface QuotaDoc {
  _id: string
  skuId: string
  campaignId: string
  householdId: string
  /** Units of the SKU this household holds across its live orders; never above the SKU's limit. */
  held: number
  holders: string[]
}

export interface EntryLine {
  skuId: string
  title: string
  quantity: number
  unitPriceFen: number
}

/** Reservation of an entry: pending while the reserve hook runs, held, released (cancel/expiry/refund). */
export type HoldState = 'pending' | 'held' | 'released'

export interface EntryDoc {
  _id: string
  campaignId: string
  communityId: string
  householdId: string
  payerOpenid: string
  lines: EntryLine[]
  amountFen: number
  hold: HoldState
  stage: EntryStage
  /** Random per entry: the pickup code is derived from it, so re-running the closing job yields the same code. */
  salt: string
  pickupCode: string | null
  paidAt: Date | null
  pickedUpAt: Date | null
  pickedUpBy: string | null
  createdAt: Date
  updatedAt: Date
  /** Who collects, as entered on the confirm page: the name, and the phone only as hash + last four. */
  contact?: { name: string; phoneLast4: string; phoneHash: string | null } | null
  note?: string
  /** Units handed over so far per SKU (partial pickup); `pickVersion` guards every change of it. */
  picked?: Record<string, number>
  pickVersion?: number
  /**
   * The order's fulfilment after the last handover waits out the undo window (docs/groupbuy.md, Pickup):
   * `due` until `fulfilAfter` (an undo may still take the handover back), `fulfilling` once the sweep claimed
   * it, `done` when the order is fulfilled. Absent/null while goods are still waiting.
   */
  fulfilState?: 'due' | 'fulfilling' | 'done' | null
  fulfilAfter?: Date | null
}

/** One handover at the pickup point. */
export interface RedemptionDoc {
  _id: string
  orderId: string
  code: string
  campaignId: string
  communityId: string
  pickupPoint: string
  lines: { skuId: string; title: string; quantity: number }[]
  /** The entry's pickVersion this redemption produced: an undo only applies to the latest one. */
  version: number
  completed: boolean
  by: string
  at: Date
  undoneAt: Date | null
  undoneBy: string | null
}

export interface CampaignChangeDoc {
  _id: string
  campaignId: string
  communityId: string
  kind: 'created' | 'extended' | 'closed_early' | 'published'
  by: string
  reason: string
  before: Record<string, unknown>
  after: Record<string, unknown>
  at: Date
}

export interface PickupCodeDoc {
  _id: string
  orderId: string
  campaignId: string
  communityId: string
  createdAt: Date
}

export interface TouchDoc {
  _id: string
  residentOpenid: string
  /** Staff document id of the steward (what share URLs carry) and their openid (what orders attribute to). */
  stewardId: string
  stewardOpenid: string
  communityId: string
  campaignId: string
  /** WeChat openGId of the chat the card was opened in, when WeChat vouched for it; else null. */
  groupId: string | null
  source: 'groupbuy_share'
  at: Date
}

/** Stages in which a household counts as a participant ("已有 N 户参团"). */
export const PARTICIPATING_STAGES: readonly EntryStage[] = ['paid', 'awaiting_pickup', 'picked_up']

export const GROUPBUY_INDEXES = defineIndexes(
  // pickups waiting per community (workbenches): entries leave 'awaiting_pickup' when picked up or refunded.
  { collection: GROUPBUY_COLLECTIONS.entries, fields: ['communityId', 'stage'] },
  { collection: GROUPBUY_COLLECTIONS.campaigns, fields: ['communityId', 'deadline'] },
  { collection: GROUPBUY_COLLECTIONS.campaigns, fields: ['status', 'deadline'] },
  { collection: GROUPBUY_COLLECTIONS.skus, fields: ['campaignId'] },
  { collection: GROUPBUY_COLLECTIONS.entries, fields: ['campaignId', 'stage'] },
  { collection: GROUPBUY_COLLECTIONS.entries, fields: ['householdId', 'createdAt'] },
  { collection: GROUPBUY_COLLECTIONS.touches, fields: ['residentOpenid', 'at'] },
  { collection: GROUPBUY_COLLECTIONS.touches, fields: ['stewardOpenid', 'at'] },
  { collection: GROUPBUY_COLLECTIONS.touches, fields: ['campaignId'] },
  { collection: GROUPBUY_COLLECTIONS.redemptions, fields: ['orderId', 'at'] },
  { collection: GROUPBUY_COLLECTIONS.redemptions, fields: ['communityId', 'at'] },
  { collection: GROUPBUY_COLLECTIONS.changes, fields: ['campaignId', 'at'] },
  { collection: GROUPBUY_COLLECTIONS.campaigns, fields: ['communityId', 'status'] },
  { collection: GROUPBUY_COLLECTIONS.polls, fields: ['communityId', 'deadline'] },
  { collection: GROUPBUY_COLLECTIONS.polls, fields: ['status', 'deadline'] },
  { collection: GROUPBUY_COLLECTIONS.intents, fields: ['pollId', 'status'] },
  { collection: GROUPBUY_COLLECTIONS.entries, fields: ['fulfilState', 'fulfilAfter'] },
)
