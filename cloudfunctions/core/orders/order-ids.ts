import { createHash } from 'node:crypto'

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * Order ids are derived from (payer, requestId), so the same client request can only ever create one
 * order, whichever function places it and however often it is retried. 32 chars: WeChat's out_trade_no limit.
 */
export function orderIdFor(payerOpenid: string, requestId: string): string {
  return `od${sha(`order|${payerOpenid}|${requestId}`).slice(0, 30)}`
}

/** Refund ids (out_refund_no) are derived from (order, key): the same refund request is the same refund. */
export function refundIdFor(orderId: string, refundKey: string): string {
  return `rf${sha(`refund|${orderId}|${refundKey}`).slice(0, 30)}`
}

/** Fingerprint of what was asked for; a reused requestId with different content is refused. */
export function requestHashOf(value: unknown): string {
  return sha(JSON.stringify(value)).slice(0, 32)
}
