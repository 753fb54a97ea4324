import { must } from '../kernel/db-result'
import { paymentsOf } from '../kernel/ports/payments.port'
import type { OrderHookContext } from './order-type-hooks'
import { loadOrder } from './order-transition'
import { submitRefund } from './refund.service'
import { runRefundHook, settleRefund } from './refund-settle'
import { ORDER_COLLECTIONS, type RefundDoc } from './order.model'

/** A refund with no final notify after this long is asked about directly. */
const REFUND_QUIET_MS = 10 * 60_000
const BATCH = 100

export interface ReconcileSummary {
  resubmitted: number
  settled: number
  hooksRun: number
  failed: number
}

/**
 * The safety net behind the notifies (timer, every 10 min): refunds whose submit failed are submitted
 * again (same out_refund_no, so WeChat never pays twice), refunds whose notify never came are queried and
 * settled, and onRefunded hooks left pending by a crash are run (paid effects live in the outbox: core/outbox). Everything it calls is idempotent.
 */
export async function reconcilePayments(ctx: OrderHookContext): Promise<ReconcileSummary> {
  const { db, logger } = ctx.platform
  const _ = db.command
  const refunds = db.collection(ORDER_COLLECTIONS.refunds)
  const summary: ReconcileSummary = { resubmitted: 0, settled: 0, hooksRun: 0, failed: 0 }
  const attempt = async (what: string, id: string, fn: () => Promise<unknown>) => {
    try {
      await fn()
    } catch (e) {
      summary.failed += 1
      logger.error('orders.reconcile.failed', { what, id, errorMessage: (e as Error).message })
    }
  }

  for (const refund of must(await refunds.where({ submitted: false, status: 'pending' }).limit(BATCH).get()).data as RefundDoc[]) {
    await attempt('submit', refund._id, async () => {
      if ((await submitRefund(ctx, refund)).submitted) summary.resubmitted += 1
    })
  }

  const quietSince = new Date(ctx.platform.clock.now().getTime() - REFUND_QUIET_MS)
  const quiet = must(await refunds.where({ submitted: true, status: 'pending', requestedAt: _.lte(quietSince) }).limit(BATCH).get()).data as RefundDoc[]
  for (const refund of quiet) {
    await attempt('query', refund._id, async () => {
      const q = await paymentsOf(ctx.platform).queryRefund(refund._id)
      if (q.state === 'PROCESSING' || q.state === 'NOT_FOUND') return
      await settleRefund(ctx, refund._id, { success: q.state === 'SUCCESS', wechatRefundId: q.refundId ?? null, at: q.succeededAt ?? ctx.platform.clock.now() })
      summary.settled += 1
    })
  }

  for (const refund of must(await refunds.where({ hook: 'pending' }).limit(BATCH).get()).data as RefundDoc[]) {
    await attempt('refund_hook', refund._id, async () => {
      const order = await loadOrder(ctx.platform, refund.orderId)
      if (order) await runRefundHook(ctx, order, refund)
      summary.hooksRun += 1
    })
  }
  if (summary.resubmitted || summary.settled || summary.hooksRun || summary.failed) logger.info('orders.reconcile.run', { ...summary })
  return summary
}
