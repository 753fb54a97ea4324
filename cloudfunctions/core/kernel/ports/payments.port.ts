import type { Platform } from '../platform'
import { requirePort } from '../platform'

/**
 * The Payments port: WeChat Pay as the order core needs it. Production: CloudBase 云支付
 * (platform/cloudbase/wechat-pay.adapter.ts). Local: the sandbox gateway (platform/local/sandbox-pay/),
 * which issues the same prepay parameters and delivers the same notify payloads to the same callback.
 *
 * Notifies are never trusted on their own: the callback re-asks the gateway through queryPayment /
 * queryRefund before it changes anything.
 */

export interface RequestPaymentParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: string
  paySign: string
}

export interface PrepayRequest {
  /** Our order id, WeChat's out_trade_no (≤ 32 chars). */
  orderNo: string
  amountFen: number
  description: string
  payerOpenid: string
  /** WeChat closes its side of the order at this time too (time_expire), so a late payment is impossible. */
  expiresAt: Date
}

export interface Prepay {
  provider: 'wechat' | 'sandbox'
  prepayId: string
  params: RequestPaymentParams
}

export type TradeState = 'SUCCESS' | 'NOTPAY' | 'CLOSED' | 'REFUND' | 'USERPAYING' | 'PAYERROR' | 'NOT_FOUND'

export interface PaymentStatus {
  state: TradeState
  totalFen?: number
  transactionId?: string
  paidAt?: Date
}

export interface RefundRequest {
  orderNo: string
  /** Our refund id, WeChat's out_refund_no: the same id twice is the same refund (WeChat dedupes it). */
  refundNo: string
  totalFen: number
  refundFen: number
  reason: string
}

export type RefundState = 'SUCCESS' | 'PROCESSING' | 'CLOSED' | 'CHANGE' | 'NOT_FOUND'

export interface RefundStatus {
  state: RefundState
  refundFen?: number
  refundId?: string
  succeededAt?: Date
}

/** The gateway refused a request outright (bad amount, order already closed…); retrying will not help. */
export class PaymentRejected extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message)
    this.name = 'PaymentRejected'
  }
}

export interface Payments {
  readonly provider: 'wechat' | 'sandbox'
  createPrepay(req: PrepayRequest): Promise<Prepay>
  queryPayment(orderNo: string): Promise<PaymentStatus>
  /** Close an unpaid order at the gateway; `alreadyPaid` when the payer beat us to it. */
  closePayment(orderNo: string): Promise<{ alreadyPaid: boolean }>
  /** Submit a refund; the result arrives later as a refund notify. */
  refund(req: RefundRequest): Promise<{ accepted: true }>
  queryRefund(refundNo: string): Promise<RefundStatus>
}

export function paymentsOf(platform: Platform): Payments {
  return requirePort(platform, 'payments')
}
