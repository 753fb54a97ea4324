import { ordersContract } from '../contracts/orders.contract'
import { ORDER_ERROR_MESSAGES } from '../contracts/errors/orders'
import { defineFunction, userOpenid, type ActionContext } from '../runtime/define-function'
import { DomainError } from '../core/kernel/domain-error'
import { assertTransition } from '../core/orders/order-state-machine'
import { authorize, can } from '../core/auth/authorize'
import { householdViews } from '../core/auth/household-views'
import { loadMe } from '../core/households/me.query'
import { placeOrder } from '../core/orders/place-order'
import { ensurePrepay } from '../core/orders/prepay'
import { cancelOrder } from '../core/orders/cancel-order'
import { requestRefund } from '../core/orders/refund.service'
import { completeOrder, fulfilOrder } from '../core/orders/fulfil-order'
import { expireUnpaidOrders } from '../core/orders/expire-orders'
import { reconcilePayments } from '../core/orders/reconcile'
import { drainOutbox } from '../core/outbox'
import { migrateLegacyPaidHooks } from '../core/orders'
import { listOrders, refundsOf } from '../core/orders/order-queries'
import { requireOrder } from '../core/orders/order-transition'
import { describeOrders, residentMayRefund, toOrderSummary, toOrderView, toRefundView } from '../core/orders/order-view'
import { listServiceItems, requireServiceItem } from '../core/orders/service-catalog'
import type { OrderDoc } from '../core/orders/order.model'
import type { Prepay } from '../core/kernel/ports/payments.port'

const paymentOut = (p: Prepay) => ({ provider: p.provider, prepayId: p.prepayId, ...p.params })

async function view(ctx: ActionContext, order: OrderDoc) {
  const [refunds, details] = await Promise.all([refundsOf(ctx.platform, order._id), describeOrders(ctx, [order])])
  return toOrderView(ctx.platform, order, refunds, ctx.caller.openid, ctx.now(), details.get(order._id))
}

/** The order, if the caller is a member of its household; drafts and strangers' orders do not exist for them. */
async function memberOrder(ctx: ActionContext, orderId: string): Promise<OrderDoc> {
  const openid = userOpenid(ctx)
  const [order, access] = await Promise.all([requireOrder(ctx.platform, orderId), ctx.access()])
  if (!order.listed) throw new DomainError('ORDER.NOT_FOUND', ORDER_ERROR_MESSAGES['ORDER.NOT_FOUND'])
  const scope = { communityId: order.communityId, householdId: order.householdId }
  authorize(access, 'household.act', scope)
  // A member who sees only their own records (a tenant, by default) does not see others' orders, not even by id.
  if (order.payerOpenid !== openid && !can(access, 'household.readAll', scope)) throw new DomainError('ORDER.NOT_FOUND', ORDER_ERROR_MESSAGES['ORDER.NOT_FOUND'])
  return order
}

function payerOnly(ctx: ActionContext, order: OrderDoc): void {
  if (order.payerOpenid !== ctx.caller.openid) throw new DomainError('ORDER.PAYER_ONLY', ORDER_ERROR_MESSAGES['ORDER.PAYER_ONLY'])
}

export const ordersFunction = defineFunction(
  ordersContract,
  {
    serviceCatalog: async (_input, ctx) => {
      const me = await loadMe(ctx.platform.db, userOpenid(ctx))
      const communityId = me.households.find((h) => h.householdId === me.currentHouseholdId)?.communityId ?? null
      return { communityId, items: communityId ? await listServiceItems(ctx.platform, communityId) : [] }
    },
    createServiceOrder: async (input, ctx) => {
      const openid = userOpenid(ctx)
      const access = await ctx.access()
      const membership = access.memberships.find((m) => m.householdId === input.householdId)
      if (!membership) throw new DomainError('AUTH.FORBIDDEN')
      authorize(access, 'household.act', { communityId: membership.communityId, householdId: input.householdId })
      const item = await requireServiceItem(ctx.platform, membership.communityId, input.serviceItemId)
      const amountFen = item.unitPriceFen * input.quantity
      const { order, prepay } = await placeOrder(ctx, {
        type: 'service',
        householdId: input.householdId,
        communityId: membership.communityId,
        payerOpenid: openid,
        lines: [{ refType: 'service_item', refId: item._id, title: item.title, quantity: input.quantity, unitPriceFen: item.unitPriceFen, amountFen }],
        amountFen,
        requestId: ctx.requestId!,
      })
      if (!prepay) throw new DomainError('ORDER.EXPIRED', ORDER_ERROR_MESSAGES['ORDER.EXPIRED'])
      return { order: await view(ctx, order), payment: paymentOut(prepay) }
    },
    list: async (input, ctx) => {
      const access = await ctx.access()
      const { items, hasMore } = await listOrders(ctx.platform, { openid: access.openid, ...householdViews(access) }, input)
      const details = await describeOrders(ctx, items)
      return { items: items.map((o) => toOrderSummary(o, details.get(o._id))), hasMore }
    },
    detail: async (input, ctx) => ({ order: await view(ctx, await memberOrder(ctx, input.orderId)) }),
    pay: async (input, ctx) => {
      const order = await memberOrder(ctx, input.orderId)
      payerOnly(ctx, order)
      if (order.status !== 'created') {
        const code = order.status === 'cancelled' ? 'ORDER.EXPIRED' : 'ORDER.ALREADY_PAID'
        throw new DomainError(code, ORDER_ERROR_MESSAGES[code])
      }
      if (new Date(order.expiresAt).getTime() <= ctx.now().getTime()) throw new DomainError('ORDER.EXPIRED', ORDER_ERROR_MESSAGES['ORDER.EXPIRED'])
      const prepay = await ensurePrepay(ctx.platform, order)
      return { order: await view(ctx, await requireOrder(ctx.platform, order._id)), payment: paymentOut(prepay) }
    },
    cancel: async (input, ctx) => {
      await memberOrder(ctx, input.orderId)
      return { order: await view(ctx, await cancelOrder(ctx, input.orderId, { by: 'resident', note: '用户取消' })) }
    },
    requestRefund: async (input, ctx) => {
      const order = await memberOrder(ctx, input.orderId)
      payerOnly(ctx, order)
      if (!residentMayRefund(ctx.platform, order)) {
        // An order that cannot go to refunding at all gets the state machine's answer; one that could, but
        // whose type keeps refunds with ops (or is already being refunded), gets REFUND_NOT_ALLOWED.
        assertTransition(order.status === 'refunding' ? 'paid' : order.status, 'refunding')
        throw new DomainError('ORDER.REFUND_NOT_ALLOWED', ORDER_ERROR_MESSAGES['ORDER.REFUND_NOT_ALLOWED'])
      }
      const res = await requestRefund(ctx, { orderId: order._id, reason: input.reason, by: 'resident', requestedBy: order.payerOpenid, refundKey: ctx.requestId! })
      return { order: await view(ctx, res.order), refund: toRefundView(res.refund) }
    },
    refund: async (input, ctx) => {
      if (!ctx.requestId) throw new DomainError('VALIDATION.FAILED', '退款必须带 requestId，重复提交才不会重复退款')
      const res = await requestRefund(ctx, { orderId: input.orderId, amountFen: input.amountFen, reason: input.reason, by: 'ops', requestedBy: 'ops', refundKey: ctx.requestId })
      return { order: await view(ctx, res.order), refund: toRefundView(res.refund) }
    },
    fulfil: async (input, ctx) => {
      return { order: await view(ctx, await fulfilOrder(ctx, input.orderId, 'ops')) }
    },
    complete: async (input, ctx) => {
      return { order: await view(ctx, await completeOrder(ctx, input.orderId, 'ops')) }
    },
  },
  {
    timers: {
      expireUnpaid: (ctx) => expireUnpaidOrders(ctx),
      reconcilePayments: (ctx) => reconcilePayments(ctx),
      // Orders left with the pre-outbox paidHook marker are moved into the outbox first (a batch a run), then everything due is drained.
      processOutbox: async (ctx) => ({ legacy: await migrateLegacyPaidHooks(ctx), ...(await drainOutbox(ctx)) }),
    },
  },
)
