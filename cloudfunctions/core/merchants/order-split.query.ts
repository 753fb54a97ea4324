import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { loadOrder, ORDER_COLLECTIONS, type OrderDoc } from '../orders'
import type { OrderSplitView } from '../../contracts/merchants.schemas'
import { MERCHANT_COLLECTIONS, type SplitDoc } from './merchant.model'

/** Order statuses as the split pages word them (the split matters from payment on). */
const STATUS_TEXT: Record<OrderDoc['status'], string> = {
  created: '待支付',
  paid: '已支付',
  fulfilled: '已履约',
  completed: '已完成',
  cancelled: '已取消',
  refunding: '退款中',
  refunded: '已退款',
}

/**
 * The split as the ORDER carries it (`order.split`, written through the orders area's port), so what a
 * person reads is the order's own record. Merchant staff see what concerns them — seller, 扣点, 应结 — not
 * how the property company divides its 扣点 with the steward.
 */
export function orderSplitView(order: OrderDoc, forOps: boolean): OrderSplitView | null {
  const s = order.split
  if (!s || (order.type !== 'groupbuy' && order.type !== 'service')) return null
  return {
    orderId: order._id,
    orderNo: order.orderNo ?? null,
    type: order.type,
    title: order.title,
    status: STATUS_TEXT[order.status],
    paidAt: order.payment ? new Date(order.payment.paidAt).toISOString() : null,
    seller: { kind: s.rule.seller, merchantId: s.rule.merchantId, name: s.rule.sellerName },
    rateBp: s.rule.rateBp,
    rateReason: s.rule.rateReason,
    grossFen: s.gross,
    refundedFen: s.refunded,
    merchantFen: s.merchant,
    commissionFen: s.property + s.steward,
    propertyFen: forOps ? s.property : null,
    stewardFen: forOps ? s.steward : null,
    stewardRateBp: forOps ? s.rule.stewardRateBp : null,
  }
}

/** One order for its seller's staff: another merchant's order (or one without a split) reads as missing. */
export async function orderSplitForMerchant(platform: Platform, merchantId: string, orderId: string): Promise<OrderSplitView> {
  const order = await loadOrder(platform, orderId)
  const view = order && order.split?.rule.merchantId === merchantId ? orderSplitView(order, false) : null
  if (!view) throw new DomainError('MERCHANT.ORDER_NOT_FOUND')
  return view
}

/** One order for ops of its community (the caller's community was checked by the handler). */
export async function orderSplitForOps(platform: Platform, communityId: string, orderId: string): Promise<OrderSplitView> {
  const order = await loadOrder(platform, orderId)
  const view = order && order.communityId === communityId ? orderSplitView(order, true) : null
  if (!view) throw new DomainError('MERCHANT.ORDER_NOT_FOUND')
  return view
}

/**
 * The community's paid orders, newest first: the ledger (`order_splits`, indexed by community and time)
 * says which, the orders themselves say how they split now. Two reads per page.
 */
export async function communitySplits(platform: Platform, communityId: string, offset: number, limit: number): Promise<{ items: OrderSplitView[]; hasMore: boolean }> {
  const db = platform.db
  const rows = must(
    await db.collection(MERCHANT_COLLECTIONS.splits).where({ communityId }).orderBy('paidAt', 'desc').skip(offset).limit(limit + 1).field({ _id: true }).get(),
  ).data as Pick<SplitDoc, '_id'>[]
  const ids = rows.slice(0, limit).map((r) => r._id)
  if (ids.length === 0) return { items: [], hasMore: false }
  const orders = must(await db.collection(ORDER_COLLECTIONS.orders).where({ _id: db.command.in(ids) }).limit(ids.length).get()).data as OrderDoc[]
  const byId = new Map(orders.map((o) => [o._id, o]))
  const items = ids.flatMap((id) => {
    const o = byId.get(id)
    const v = o ? orderSplitView(o, true) : null
    return v ? [v] : []
  })
  return { items, hasMore: rows.length > limit }
}
