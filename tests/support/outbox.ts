import { must } from '../../cloudfunctions/core/kernel/db-result'
import type { OutboxEvent } from '../../cloudfunctions/core/kernel/outbox'
import { OUTBOX_COLLECTIONS, outboxEventId } from '../../cloudfunctions/core/outbox'
import type { OrderEventPayload } from '../../cloudfunctions/core/orders'
import type { TestWorld } from './test-platform'

/** The `order.paid` outbox event of an order, as stored (undefined before the money transaction committed). */
export async function paidEvent(w: TestWorld, orderId: string): Promise<OutboxEvent<OrderEventPayload> | undefined> {
  const rows = must(await w.platform.db.collection(OUTBOX_COLLECTIONS.events).doc(outboxEventId('order.paid', orderId)).get()).data as OutboxEvent<OrderEventPayload>[]
  return rows[0]
}

/**
 * The next minute's outbox timer: the clock moves past the inline grace period and any back-off or lease
 * a crashed run left (2 minutes covers the first two failed rounds), then `orders.processOutbox` runs.
 */
export async function runOutboxTimer(w: TestWorld, advanceMs = 2 * 60_000) {
  w.clock.advance(advanceMs)
  return w.timer('orders', 'processOutbox')
}
