import { defineArea } from '../kernel/area'
import { ATTRIBUTION_ERROR_MESSAGES } from '../../contracts/errors/attribution'
import { ATTRIBUTION_COLLECTIONS, ATTRIBUTION_INDEXES } from './attribution.model'
import { TOUCH_INDEXES } from './touch.service'
import { attributionFulfilledEffect, attributionPaidEffect, attributionRefundedEffect } from './attribution-effects'

/** Steward attribution: touches, which steward an order is credited to, commission and settlement. */
export const attributionArea = defineArea({
  name: 'attribution',
  collections: Object.values(ATTRIBUTION_COLLECTIONS),
  indexes: [...ATTRIBUTION_INDEXES, ...TOUCH_INDEXES],
  errors: ATTRIBUTION_ERROR_MESSAGES,
  effects: { 'attribution.paid': attributionPaidEffect, 'attribution.fulfilled': attributionFulfilledEffect, 'attribution.refunded': attributionRefundedEffect },
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export type { AttributionDoc, AttributionRule } from './attribution.model'
export { findStatement, toStatementSummary, unsettledOf } from './statement.query'
export { attributeOrder, loadAttribution } from './attribute-order'
