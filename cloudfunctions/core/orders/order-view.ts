import { orderDisplayStatus, timelineLabel, type OrderSummary, type OrderView, type RefundView } from '../../contracts/orders.contract'
import type { Platform } from '../kernel/platform'
import { hooksFor, type OrderHookContext, type OrderTypeDetails } from './order-type-hooks'
import { orderNoFor } from './order-number'
import { REFUNDABLE_FROM } from './order-state-machine'
import type { OrderDoc, OrderType, RefundDoc } from './order.model'

const iso = (d: Date | string) => new Date(d).toISOString()
const NO_DETAILS: OrderTypeDetails = {}

export function refundableFen(order: OrderDoc): number {
  return Math.max(0, order.paidFen - order.refundedFen - order.pendingRefundFen)
}

/** Whether the resident may refund this order themselves (its type decides; ops can always refund). */
export function residentMayRefund(platform: Platform, order: OrderDoc): boolean {
  return REFUNDABLE_FROM.includes(order.status) && refundableFen(order) > 0 && !!hooksFor(platform, order.type).userRefundable?.(order)
}

/** Each type's own facts for these orders (group buys: stage and pickup), one batch per type present. */
export async function describeOrders(ctx: OrderHookContext, orders: OrderDoc[]): Promise<Map<string, OrderTypeDetails>> {
  const byType = new Map<OrderType, OrderDoc[]>()
  for (const o of orders) byType.set(o.type, [...(byType.get(o.type) ?? []), o])
  const parts = await Promise.all([...byType].map(([type, list]) => hooksFor(ctx.platform, type).describe?.(ctx, list) ?? Promise.resolve(new Map<string, OrderTypeDetails>())))
  return new Map(parts.flatMap((m) => [...m]))
}

export function toRefundView(r: RefundDoc): RefundView {
  return { refundId: r._id, amountFen: r.amountFen, status: r.status, reason: r.reason, requestedAt: iso(r.requestedAt), completedAt: r.completedAt ? iso(r.completedAt) : null }
}

export function toOrderSummary(o: OrderDoc, details: OrderTypeDetails = NO_DETAILS): OrderSummary {
  const last = o.history?.[o.history.length - 1]
  return {
    orderId: o._id,
    orderNo: o.orderNo ?? orderNoFor(o._id, new Date(o.createdAt)),
    type: o.type,
    title: o.title,
    status: o.status,
    display: orderDisplayStatus({ type: o.type, status: o.status, lastBy: last?.by ?? null, paidFen: o.paidFen, refundedFen: o.refundedFen, groupbuy: details.groupbuy }),
    amountFen: o.amountFen,
    refundedFen: o.refundedFen,
    createdAt: iso(o.createdAt),
    expiresAt: o.status === 'created' ? iso(o.expiresAt) : null,
  }
}

export function toOrderView(platform: Platform, o: OrderDoc, refunds: RefundDoc[], viewerOpenid: string | null, now: Date, details: OrderTypeDetails = NO_DETAILS): OrderView {
  const isPayer = viewerOpenid !== null && viewerOpenid === o.payerOpenid
  const open = o.status === 'created' && o.listed && new Date(o.expiresAt).getTime() > now.getTime()
  return {
    ...toOrderSummary(o, details),
    householdId: o.householdId,
    paidFen: o.paidFen,
    refundableFen: refundableFen(o),
    paidAt: o.payment ? iso(o.payment.paidAt) : null,
    lines: o.lines,
    timeline: o.history.map((h) => ({ from: h.from, to: h.to, label: timelineLabel(o.type, h.from, h.to, h.by), at: iso(h.at), by: h.by, note: h.note })),
    refunds: [...refunds].sort((a, b) => new Date(a.requestedAt).getTime() - new Date(b.requestedAt).getTime()).map(toRefundView),
    pickup: details.pickup ?? null,
    can: { pay: open && isPayer, cancel: open, refund: isPayer && residentMayRefund(platform, o) },
  }
}
