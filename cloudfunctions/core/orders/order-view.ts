import type { OrderSummary, OrderView, RefundView } from '../../contracts/orders.contract'
import type { Platform } from '../kernel/platform'
import { hooksFor } from './order-type-hooks'
import { REFUNDABLE_FROM } from './order-state-machine'
import type { OrderDoc, RefundDoc } from './order.model'

const iso = (d: Date | string) => new Date(d).toISOString()

export function refundableFen(order: OrderDoc): number {
  return Math.max(0, order.paidFen - order.refundedFen - order.pendingRefundFen)
}

/** Whether the resident may refund this order themselves (its type decides; ops can always refund). */
export function residentMayRefund(platform: Platform, order: OrderDoc): boolean {
  return REFUNDABLE_FROM.includes(order.status) && refundableFen(order) > 0 && !!hooksFor(platform, order.type).userRefundable?.(order)
}

export function toRefundView(r: RefundDoc): RefundView {
  return { refundId: r._id, amountFen: r.amountFen, status: r.status, reason: r.reason, requestedAt: iso(r.requestedAt), completedAt: r.completedAt ? iso(r.completedAt) : null }
}

export function toOrderSummary(o: OrderDoc): OrderSummary {
  return {
    orderId: o._id,
    type: o.type,
    title: o.title,
    status: o.status,
    amountFen: o.amountFen,
    refundedFen: o.refundedFen,
    createdAt: iso(o.createdAt),
    expiresAt: o.status === 'created' ? iso(o.expiresAt) : null,
  }
}

export function toOrderView(platform: Platform, o: OrderDoc, refunds: RefundDoc[], viewerOpenid: string | null, now: Date): OrderView {
  const isPayer = viewerOpenid !== null && viewerOpenid === o.payerOpenid
  const open = o.status === 'created' && o.listed && new Date(o.expiresAt).getTime() > now.getTime()
  return {
    ...toOrderSummary(o),
    householdId: o.householdId,
    paidFen: o.paidFen,
    refundableFen: refundableFen(o),
    paidAt: o.payment ? iso(o.payment.paidAt) : null,
    lines: o.lines,
    timeline: o.history.map((h) => ({ from: h.from, to: h.to, at: iso(h.at), by: h.by, note: h.note })),
    refunds: [...refunds].sort((a, b) => new Date(a.requestedAt).getTime() - new Date(b.requestedAt).getTime()).map(toRefundView),
    can: { pay: open && isPayer, cancel: open, refund: isPayer && residentMayRefund(platform, o) },
  }
}
