import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import type { OrderStatus } from './order.model'
import { ORDER_COLLECTIONS, type OrderDoc, type RefundDoc } from './order.model'

/** One page of orders of these households, newest first; drafts (reservation not finished) never show. */
export async function listOrders(
  platform: Platform,
  householdIds: string[],
  filter: { status: OrderStatus | 'all'; offset: number; limit: number },
): Promise<{ items: OrderDoc[]; hasMore: boolean }> {
  if (householdIds.length === 0) return { items: [], hasMore: false }
  const _ = platform.db.command
  const where: Record<string, unknown> = { householdId: householdIds.length === 1 ? householdIds[0] : _.in(householdIds), listed: true }
  if (filter.status !== 'all') where.status = filter.status
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
