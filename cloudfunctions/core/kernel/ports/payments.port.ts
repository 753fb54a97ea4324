import type { Platform } from '../platform'
import { requirePort } from '../platform'
import { formatBusiness } from '../business-time'

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
  /**
   * A merchant sells it: the payment is made with profit sharing switched on (v3 `settle_info.profit_sharing`),
   * so its merchant share can be split out after fulfilment. WeChat refuses a split of a payment made
   * without it.
   */
  profitSharing: boolean
}

/** WeChat Pay API v3 JSAPI prepay body (POST /v3/pay/transactions/jsapi); amounts in fen, times RFC 3339. */
export interface JsapiPrepayBody {
  appid: string
  mchid: string
  description: string
  out_trade_no: string
  time_expire: string
  notify_url: string
  amount: { total: number; currency: 'CNY' }
  payer: { openid: string }
  settle_info: { profit_sharing: boolean }
}

/**
 * The v3 body of a prepay request, in one place: the sandbox records exactly this, and the production
 * adapter sends its fields (CloudBase 云支付 takes them in its own names: profit_sharing as `profitSharing:
 * 'Y' | 'N'`). time_expire is Beijing time with its offset, as WeChat writes it.
 */
export function jsapiPrepayBody(req: PrepayRequest, ids: { appid: string; mchid: string; notifyUrl: string }): JsapiPrepayBody {
  const beijing = `${formatBusiness(req.expiresAt, 'YYYY-MM-DD[T]HH:mm:ss')}+08:00`
  return {
    appid: ids.appid,
    mchid: ids.mchid,
    description: req.description.slice(0, 127),
    out_trade_no: req.orderNo,
    time_expire: beijing,
    notify_url: ids.notifyUrl,
    amount: { total: req.amountFen, currency: 'CNY' },
    payer: { openid: req.payerOpenid },
    settle_info: { profit_sharing: req.profitSharing },
  }
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
