import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { sweepDue } from '../kernel/due-sweep'
import type { OrderHookContext } from './order-type-hooks'
import { cancelOrder } from './cancel-order'
import { finishRelease } from './release'
import { ORDER_COLLECTIONS, type OrderDoc } from './order.model'

export interface ExpirySummary {
  cancelled: number
  releasesFinished: number
  paidMeanwhile: number
  failed: number
}

const BATCH = 100
/** Stay well inside the timer function's timeout; the next minute's run continues. */
const TIME_BUDGET_MS = 20_000

/**
 * The every-minute timer: closes unpaid orders past expiresAt and releases what they held.
 * Resumable and idempotent by construction — it keeps no state of its own; the orders are the state:
 * 1. orders left `releasing` by a crashed run get their release finished (and only those);
 * 2. `created` orders past their time are cancelled one by one (each a conditional write, so a
 *    concurrent run or a racing payment never double-cancels; see cancelOrder).
 */
export async function expireUnpaidOrders(ctx: OrderHookContext): Promise<ExpirySummary> {
  const { db, logger } = ctx.platform
  const _ = db.command
  const started = Date.now()
  const summary: ExpirySummary = { cancelled: 0, releasesFinished: 0, paidMeanwhile: 0, failed: 0 }
  const orders = db.collection(ORDER_COLLECTIONS.orders)

  const stuck = must(await orders.where({ reservation: 'releasing' }).limit(BATCH).get()).data as OrderDoc[]
  for (const order of stuck) {
    try {
      await finishRelease(ctx, order)
      summary.releasesFinished += 1
    } catch (e) {
      summary.failed += 1
      logger.error('orders.expiry.release_failed', { orderId: order._id, errorMessage: (e as Error).message })
    }
  }

  const swept = await sweepDue(
    {
      now: () => ctx.platform.clock.now(),
      due: async (now) => must(await orders.where({ status: 'created', expiresAt: _.lte(now) }).orderBy('expiresAt', 'asc').limit(BATCH).get()).data as OrderDoc[],
      // No lease: cancelOrder's conditional created → cancelled write is the claim (a racing run or payment loses it).
      handle: async (order) => {
        try {
          await cancelOrder(ctx, order._id, { by: 'timer', note: '超时未支付，订单自动关闭' })
          return 'cancelled'
        } catch (e) {
          if (e instanceof DomainError && (e.code === 'ORDER.ALREADY_PAID' || e.code === 'ORDER.ILLEGAL_TRANSITION')) return 'paidMeanwhile'
          logger.error('orders.expiry.cancel_failed', { orderId: order._id, errorMessage: (e as Error).message })
          return 'failed'
        }
      },
      endsAt: started + TIME_BUDGET_MS,
    },
    ['cancelled', 'paidMeanwhile', 'failed'],
  )
  summary.cancelled = swept.cancelled
  summary.paidMeanwhile = swept.paidMeanwhile
  summary.failed += swept.failed
  if (summary.cancelled || summary.releasesFinished || summary.failed) logger.info('orders.expiry.run', { ...summary })
  return summary
}
