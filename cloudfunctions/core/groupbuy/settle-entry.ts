import { DomainError } from '../kernel/domain-error'
import type { OrderHookContext } from '../orders'
import { requestRefund } from '../orders'
import { moveStage } from './groupbuy.store'
import { tellResult } from './groupbuy-notify'
import { ensurePickupCode } from './pickup-code'
import type { CampaignDoc, EntryDoc } from './groupbuy.model'

/** The refund key of "not formed": the same key every time, so the orders core opens one refund per order. */
export const NOT_FORMED_REFUND_KEY = 'groupbuy-not-formed'

export type SettleResult = 'pickup_code' | 'refund' | 'skipped'

/**
 * Applies a decided campaign's outcome to ONE paid order, on its own (an order is never refunded against
 * another). Each step is idempotent, and the stage moves last, so a crash anywhere is finished by the next
 * run: the code is derived (same code again), the refund key is fixed (same refund again), the message is
 * de-duplicated per order.
 */
export async function settleEntry(ctx: OrderHookContext, campaign: CampaignDoc, entry: EntryDoc): Promise<SettleResult> {
  const db = ctx.platform.db
  if (entry.stage !== 'paid' || !campaign.outcome) return 'skipped'
  if (campaign.outcome === 'formed') {
    const code = await ensurePickupCode(db, entry, ctx.now())
    await tellResult(ctx.platform, campaign, entry, { formed: true, code })
    await moveStage(db, entry._id, ['paid'], 'awaiting_pickup', ctx.now(), { pickupCode: code })
    return 'pickup_code'
  }
  try {
    await requestRefund(ctx, { orderId: entry._id, reason: '团购未成团，自动退款', by: 'system', requestedBy: 'system', refundKey: NOT_FORMED_REFUND_KEY })
  } catch (e) {
    // Ops already refunded all of it by hand: nothing left to give back, the refund hook moves the stage.
    if (!(e instanceof DomainError && e.code === 'ORDER.REFUND_EXCEEDS_PAID')) throw e
  }
  await tellResult(ctx.platform, campaign, entry, { formed: false })
  await moveStage(db, entry._id, ['paid'], 'refund_pending', ctx.now())
  return 'refund'
}
