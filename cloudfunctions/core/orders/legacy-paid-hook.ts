import { must } from '../kernel/db-result'
import type { EffectContext } from '../kernel/outbox'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import { emitInTx, newOutboxEvent, processAfterCommit } from '../outbox'
import { ORDER_TOPICS, type OrderEventPayload, type OrderOutboxEvent } from './order-events'
import { hooksFor, type PaidTxContext } from './order-type-hooks'
import { ORDER_COLLECTIONS, type OrderDoc } from './order.model'

/**
 * Before the outbox (issue 20), a paid order carried `paidHook: 'pending'` until its type's onPaid and the
 * paid listeners had run, and the reconcile timer finished what a crash left. That marker is no longer read
 * by anything, so an order still carrying it would never get its effects. This moves each such order into
 * the outbox, once:
 *
 * - in ONE transaction: the order is re-read and must still carry the marker; for an order still `paid`,
 *   its type's onPaid runs (each is idempotent: bills already paid by this order and an entry already past
 *   `unpaid` are left as they are); the `order.paid` event is written; the marker is removed. A crash
 *   before commit changes nothing, after commit the marker is gone, so no order is moved twice;
 * - after commit the event is processed like a pay notify's; every effect is idempotent per order (its own
 *   marker document), so one that had already run under the old listener does not run again.
 *
 * An order that moved on before its hook finished (fulfilled or completed) gets the event but not onPaid
 * again; one refunded, refunding or cancelled meanwhile gets neither — paying effects after the money went
 * back would be wrong — and is logged (`orders.legacy_paid_hook_skipped`) for ops to look at.
 * Run by the orders.processOutbox timer before it drains, a batch per run: resumable, and one indexed read
 * per minute once nothing is left.
 */
export interface LegacyMigrationSummary {
  movedToOutbox: number
  skipped: number
}

type LegacyOrder = OrderDoc & { paidHook?: 'pending' | 'done' }

const BATCH = 50

export async function migrateLegacyPaidHooks(ctx: EffectContext): Promise<LegacyMigrationSummary> {
  const db = ctx.platform.db
  const summary: LegacyMigrationSummary = { movedToOutbox: 0, skipped: 0 }
  const pending = must(await db.collection(ORDER_COLLECTIONS.orders).where({ paidHook: 'pending' }).limit(BATCH).get()).data as LegacyOrder[]
  for (const candidate of pending) {
    const moved = await moveOne(ctx, candidate._id)
    if (moved === 'skipped') summary.skipped += 1
    if (moved && moved !== 'skipped') {
      summary.movedToOutbox += 1
      await processAfterCommit(ctx, moved)
    }
  }
  if (summary.movedToOutbox || summary.skipped) ctx.platform.logger.info('orders.legacy_paid_hooks_migrated', { ...summary })
  return summary
}

async function moveOne(ctx: EffectContext, orderId: string): Promise<OrderOutboxEvent | 'skipped' | null> {
  const db = ctx.platform.db
  const now = ctx.now()
  return runTx(db, async (t) => {
    const order = await txGet<LegacyOrder>(t, ORDER_COLLECTIONS.orders, orderId)
    if (!order || order.paidHook !== 'pending') return null
    const { paidHook: _marker, ...current } = order
    await txWrite(t.collection(ORDER_COLLECTIONS.orders).doc(orderId).update({ paidHook: db.command.remove(), updatedAt: now }))
    if (!order.payment || !['paid', 'fulfilled', 'completed'].includes(order.status)) {
      ctx.platform.logger.warn('orders.legacy_paid_hook_skipped', { orderId, status: order.status })
      return 'skipped' as const
    }
    const txCtx: PaidTxContext = { platform: ctx.platform, now: () => now, tx: t, notes: {} }
    if (order.status === 'paid') await hooksFor(ctx.platform, order.type).onPaid?.(txCtx, current)
    const event = newOutboxEvent<OrderEventPayload>(ORDER_TOPICS.paid, orderId, { order: current, notes: txCtx.notes }, now, order.communityId)
    await emitInTx(t, event)
    return event
  })
}
