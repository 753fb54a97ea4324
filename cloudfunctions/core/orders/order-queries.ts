import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import type { OrderStatus } from './order.model'
import { ORDER_COLLECTIONS, type OrderDoc, type RefundDoc } from './order.model'

/**
 * One page of orders, newest first: every order of the `wide` households, and of the `ownOnly` ones only
 * those the caller paid (core/auth householdViews). Drafts (reservation not finished) never show.
 */
export async function listOrders(
  platform: Platform,
  views: { openid: string; wide: string[]; ownOnly: string[] },
  filter: { status: OrderStatus | 'all'; offset: number; limit: number },
): Promise<{ items: OrderDoc[]; hasMore: boolean }> {
  if (views.wide.length + views.ownOnly.length === 0) return { items: [], hasMore: false }
  const _ = platform.db.command
  const inList = (ids: string[]) => (ids.length === 1 ? ids[0] : _.in(ids))
  const whose = [
    ...(views.wide.length ? [{ householdId: inList(views.wide) }] : []),
    ...(views.ownOnly.length ? [{ householdId: inList(views.ownOnly), payerOpenid: views.openid }] : []),
  ]
  const scope: Record<string, unknown> = { listed: true }
  if (filter.status !== 'all') scope.status = filter.status
  const where = whose.length === 1 ? { ...whose[0], ...scope } : _.and([_.or(whose), scope])
  // One extra row tells whether another page exists, without a count() over the collection.
  const rows = must(
    await platform.db
      .collection(ORDER_COLLECTIONS.orders)
      .where(where)
      .orderBy('createdAt', 'desc')
      .skip(filter.offset)
      .limit(filter.limit + 1)
      // history stays: its last entry tells an expired order from a cancelled one.
      .field({ lines: false, prepay: false })
      .get(),
  ).data as OrderDoc[]
  return { items: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit }
}

export async function refundsOf(platform: Platform, orderId: string): Promise<RefundDoc[]> {
  // Each partial refund is a record; WeChat allows at most 50 per payment, so one page holds them all.
  return must(await platform.db.collection(ORDER_COLLECTIONS.refunds).where({ orderId }).limit(50).get()).data as RefundDoc[]
}
