import { must } from '../kernel/db-result'
import type { OrderHookContext } from '../orders'
import { ORDER_COLLECTIONS, type OrderDoc } from '../orders'
import { ATTRIBUTION_COLLECTIONS, type AttributionDoc } from './attribution.model'
import { accrueCommission, wasFulfilled } from './commission.service'

const BATCH = 100
/** Stay well inside the timer's timeout; the next run continues. */
const TIME_BUDGET_MS = 20_000

export interface SweepSummary {
  checked: number
  accrued: number
  voided: number
  failed: number
}

/**
 * The safety net behind the fulfilled event (which the order core emits best effort): orders still
 * waiting for their accrual are looked at in pages; fulfilled ones accrue (idempotently), ones that will
 * never be fulfilled (fully refunded, cancelled) are closed. Keeps no state; the attributions are the state.
 */
export async function sweepAccruals(ctx: OrderHookContext): Promise<SweepSummary> {
  const db = ctx.platform.db
  const _ = db.command
  const started = Date.now()
  const summary: SweepSummary = { checked: 0, accrued: 0, voided: 0, failed: 0 }
  let cursor = ''
  while (Date.now() - started < TIME_BUDGET_MS) {
    const page = must(
      await db
        .collection(ATTRIBUTION_COLLECTIONS.attributions)
        .where({ accrual: 'waiting', _id: _.gt(cursor) })
        .orderBy('_id', 'asc')
        .field({ _id: true })
        .limit(BATCH)
        .get(),
    ).data as Pick<AttributionDoc, '_id'>[]
    if (page.length === 0) break
    cursor = page[page.length - 1]._id
    const orders = must(
      await db
        .collection(ORDER_COLLECTIONS.orders)
        .where({ _id: _.in(page.map((p) => p._id)) })
        .field({ status: true, history: true, paidFen: true, refundedFen: true })
        .limit(BATCH)
        .get(),
    ).data as Pick<OrderDoc, '_id' | 'status' | 'history' | 'paidFen' | 'refundedFen'>[]
    for (const order of orders) {
      summary.checked += 1
      try {
        if (wasFulfilled(order)) {
          if ((await accrueCommission(ctx, order._id)) === 'accrued') summary.accrued += 1
        } else if (order.status === 'refunded' || order.status === 'cancelled') {
          const res = must(await db.collection(ATTRIBUTION_COLLECTIONS.attributions).where({ _id: order._id, accrual: 'waiting' }).update({ accrual: 'void' }))
          summary.voided += res.updated
        }
      } catch (e) {
        summary.failed += 1
        ctx.platform.logger.error('attribution.sweep.failed', { orderId: order._id, errorMessage: (e as Error).message })
      }
    }
    if (page.length < BATCH) break
  }
  return summary
}
