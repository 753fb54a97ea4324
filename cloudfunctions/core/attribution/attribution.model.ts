import { defineIndexes } from '../kernel/indexes'
import type { StatementBase } from '../kernel/statement-run'
import type { OrderType } from '../orders'
import type { TouchDoc as GroupbuyTouchDoc } from '../groupbuy'
import type { AttributionRule, SelfPurchasePolicy, TouchSource } from '../../contracts/attribution.contract'

export type { AttributionRule, SelfPurchasePolicy, TouchSource }

export const ATTRIBUTION_COLLECTIONS = {
  /** Shared with group buys (their share cards write here too; docs/groupbuy.md has the shape). */
  touches: 'touches',
  /** One per paid order (_id = order id): who gets the credit and why. */
  attributions: 'order_attributions',
  /** `community-<id>` and `campaign-<id>` rule documents. */
  settings: 'attribution_settings',
  /** Commission entries: `acc-<orderId>` accruals and `rev-<refundId>` reversals. */
  ledger: 'commission_ledger',
  /** One per (steward, community, month) once settled. */
  statements: 'commission_statements',
  /** Idempotency markers of the metric rollups: buyer-months, first orders, counted refunds. */
  marks: 'metric_marks',
} as const

/**
 * A touch as stored in `touches`: the group-buy share card's shape (docs/groupbuy.md), widened for pages
 * opened with a steward parameter — those may name no campaign and say where they came from.
 */
export type TouchDoc = Omit<GroupbuyTouchDoc, 'campaignId' | 'source'> & {
  campaignId: string | null
  source: TouchSource | GroupbuyTouchDoc['source']
}

export interface DecidingTouch {
  touchId: string
  stewardOpenid: string
  campaignId: string | null
  groupId: string | null
  source: string
  at: Date
}

/** accrual progress: waiting for fulfilment, accrued, none (nothing to accrue), void (refunded before). */
export type AccrualState = 'waiting' | 'accrued' | 'none' | 'void'

export interface AttributionDoc {
  _id: string
  orderId: string
  orderType: OrderType
  communityId: string
  householdId: string
  payerOpenid: string
  campaignId: string | null
  amountFen: number
  paidAt: Date
  month: string
  rule: AttributionRule
  stewardOpenid: string | null
  stewardId: string | null
  touch: DecidingTouch | null
  windowDays: number
  /** The household's grid and its steward when paid (grid figures count the order there). */
  gridId: string | null
  homeStewardOpenid: string | null
  rateBp: number
  accrual: AccrualState
  decidedAt: Date
}

export interface LedgerDoc {
  _id: string
  kind: 'accrual' | 'reversal'
  stewardOpenid: string
  communityId: string
  gridId: string | null
  orderId: string
  orderType: OrderType
  title: string
  /** Always positive; a reversal subtracts it. */
  amountFen: number
  at: Date
  /** Month whose settlement may include it: the freeze end for accruals. */
  availableMonth: string
  availableAt: Date
  state: 'open' | 'settled'
  statementId: string | null
  // accrual only
  baseFen?: number
  rateBp?: number
  refundedAtAccrualFen?: number
  reversedFen?: number
  // reversal only
  refundId?: string
  refundFen?: number
}

/** A steward's monthly statement (core/kernel/statement-run.ts); carry-in is clawbacks larger than accruals. */
export interface StatementDoc extends StatementBase {
  stewardOpenid: string
  communityId: string
  accrualCount: number
  reversalCount: number
  accruedFen: number
  reversedFen: number
}

export const ATTRIBUTION_INDEXES = defineIndexes(
  { collection: ATTRIBUTION_COLLECTIONS.attributions, fields: ['accrual'] },
  { collection: ATTRIBUTION_COLLECTIONS.ledger, fields: ['state', 'availableMonth'] },
  { collection: ATTRIBUTION_COLLECTIONS.ledger, fields: ['stewardOpenid', 'communityId', 'state'] },
  { collection: ATTRIBUTION_COLLECTIONS.ledger, fields: ['statementId'] },
  { collection: ATTRIBUTION_COLLECTIONS.statements, fields: ['stewardOpenid', 'communityId', 'period'] },
  { collection: ATTRIBUTION_COLLECTIONS.statements, fields: ['communityId', 'period'] },
  // Statements a crashed settlement left open (settlement.service.ts finishes them).
  { collection: ATTRIBUTION_COLLECTIONS.statements, fields: ['period', 'status'] },
  { collection: ATTRIBUTION_COLLECTIONS.settings, fields: ['communityId'] },
  { collection: ATTRIBUTION_COLLECTIONS.marks, fields: ['householdId'] },
  // Bound-resident counts per community (the funnel).
  { collection: 'residents', fields: ['communityId', 'status'] },
)
