import { defineArea } from '../kernel/area'
import { GROUPBUY_ERROR_MESSAGES } from '../../contracts/errors/groupbuy'
import { GROUPBUY_COLLECTIONS, GROUPBUY_INDEXES } from './groupbuy.model'
import { groupbuyOrderHooks, settleIfDecided } from './groupbuy-order-hooks'
import { ORDER_TOPICS, orderEffect } from '../orders'

/** 社区团购: campaigns, stock, checkout, closing and pickup. Touches it records belong to attribution. */
export const groupbuyArea = defineArea({
  name: 'groupbuy',
  collections: Object.values(GROUPBUY_COLLECTIONS).filter((c) => c !== GROUPBUY_COLLECTIONS.touches),
  indexes: GROUPBUY_INDEXES,
  errors: GROUPBUY_ERROR_MESSAGES,
  orderTypes: { groupbuy: groupbuyOrderHooks },
  effects: {
    'groupbuy.paid-after-close': orderEffect(ORDER_TOPICS.paid, (ctx, order, event) =>
      settleIfDecided(ctx, order, event.payload.notes.groupbuyCampaignId as string | undefined),
    ),
  },
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export type { TouchDoc } from './groupbuy.model'
export { loadCampaign, loadEntry } from './groupbuy.store'
export { pickupsWaiting } from './pickups-waiting.query'
export { skuSellThrough } from './sku-sell-through.query'
export type { SkuSellThrough } from './sku-sell-through.query'
