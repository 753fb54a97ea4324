import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { paymentsOf, type Prepay } from '../kernel/ports/payments.port'
import { ORDER_COLLECTIONS, type OrderDoc } from './order.model'
import { paymentTermsOf } from './payment-terms'

/**
 * Prepay parameters for an unpaid order. Issued once and kept on the order: asking again (a second tap on
 * 支付, a retried request) returns the same prepay_id instead of opening a second WeChat transaction.
 * The areas' payment terms decide whether WeChat is told to hold the payment for 分账 (a merchant sells
 * it); the answer is kept with the prepay, so the later split request knows the payment allows it.
 */
export async function ensurePrepay(platform: Platform, order: OrderDoc): Promise<Prepay> {
  if (order.prepay) return prepayOf(order.prepay)
  const record = await issuePrepay(platform, order)
  const db = platform.db
  must(
    await db
      .collection(ORDER_COLLECTIONS.orders)
      .where({ _id: order._id, status: 'created' })
      // command.set: replace the whole value (a plain object would be flattened into dotted paths under null).
      .update({ prepay: db.command.set(record), updatedAt: platform.clock.now() }),
  )
  return prepayOf(record)
}

export type PrepayRecord = NonNullable<OrderDoc['prepay']>

/**
 * Opens the payment at the provider and returns what the order keeps of it, writing nothing: ensurePrepay
 * stores it on its own, and a reserving order stores it in the same write that lists the draft
 * (place-order.ts), one write fewer on every group-buy checkout. Asking twice for the same order (a retry
 * after a crash before the write) opens it again under the same out_trade_no, as a WeChat prepay allows.
 */
export async function issuePrepay(platform: Platform, order: OrderDoc): Promise<PrepayRecord> {
  const terms = await paymentTermsOf(platform, order)
  const prepay = await paymentsOf(platform).createPrepay({
    orderNo: order._id,
    amountFen: order.amountFen,
    description: order.title,
    payerOpenid: order.payerOpenid,
    expiresAt: order.expiresAt,
    profitSharing: terms.profitSharing,
  })
  return { ...prepay, profitSharing: terms.profitSharing, createdAt: platform.clock.now() }
}

function prepayOf(record: PrepayRecord): Prepay {
  return { provider: record.provider, prepayId: record.prepayId, params: record.params }
}
