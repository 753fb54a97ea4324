import { defineArea } from '../kernel/area'
import { ORDER_ERROR_MESSAGES } from '../../contracts/errors/orders'
import { ORDER_COLLECTIONS, ORDER_INDEXES } from './order.model'
import { serviceOrderHooks } from './service-order-hooks'

/** Orders, payments and refunds for every order type; paid home services are its own type. */
export const ordersArea = defineArea({
  name: 'orders',
  collections: Object.values(ORDER_COLLECTIONS),
  indexes: ORDER_INDEXES,
  errors: ORDER_ERROR_MESSAGES,
  orderTypes: { service: serviceOrderHooks },
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { fulfilOrder } from './fulfil-order'
export { orderIdFor, refundIdFor } from './order-ids'
export { ORDER_TOPICS, orderEffect, refundEffect } from './order-events'
export type { OrderEventPayload, OrderOutboxEvent } from './order-events'
export { loadOrder } from './order-transition'
export type { OrderHookContext, OrderTypeDetails, OrderTypeHooks, PaidTxContext } from './order-type-hooks'
export { describeOrders, toOrderView } from './order-view'
export { ORDER_COLLECTIONS } from './order.model'
export type { OrderDoc, OrderType, RefundDoc } from './order.model'
export { placeOrder } from './place-order'
export { writeOrderSplitInTx } from './order-split'
export type { PaymentTerms, PaymentTermsRule } from './payment-terms'
export type { OrderSplit, OrderSplitRule } from './order.model'
export { requestRefund } from './refund.service'
export { migrateLegacyPaidHooks } from './legacy-paid-hook'
export type { LegacyMigrationSummary } from './legacy-paid-hook'
