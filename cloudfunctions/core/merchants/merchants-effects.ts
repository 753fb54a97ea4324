import { ORDER_TOPICS, orderEffect, refundEffect } from '../orders'
import { recordRefund, recordSale, recordSplit } from './split.service'

/**
 * Merchants follow every order through the outbox (declared in core/merchants/index.ts):
 * - paid → the split is fixed (it makes sure the steward is decided first, since the split needs their
 *   rate) and written onto the order through the orders area's port;
 * - fulfilled → the merchant's sale enters its ledger and its 分账 request is queued for the merchant's
 *   registered receiver;
 * - refunded → the refund's parts (the order's split follows), a ledger deduction and a 分账 return.
 * Each is idempotent per order (per refund). Profit-sharing calls themselves are made by the merchants
 * function's timer, never inside a payment, a fulfilment or a refund.
 */
export const merchantsPaidEffect = orderEffect(ORDER_TOPICS.paid, async (ctx, order) => {
  await recordSplit(ctx, order)
})

export const merchantsFulfilledEffect = orderEffect(ORDER_TOPICS.fulfilled, async (ctx, order) => {
  await recordSale(ctx, order._id)
})

export const merchantsRefundedEffect = refundEffect(async (ctx, order, refund) => {
  await recordRefund(ctx, order, refund)
})
