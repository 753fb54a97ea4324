import { randomBytes } from 'node:crypto'
import type tcb from '@cloudbase/node-sdk'
import {
  PaymentRejected,
  type PaymentStatus,
  type Payments,
  type Prepay,
  type PrepayRequest,
  type RefundRequest,
  type RefundState,
  type RefundStatus,
  type TradeState,
} from '../../core/kernel/ports/payments.port'
import { formatBusiness, parseBusiness } from '../../core/kernel/business-time'
import { nodeSdkCloudPay, type CloudPayApi, type CloudPayResult } from './wechat-pay.cloudpay-api'


/** The callback function's name; both payment and refund results go there (cloudfunctions/paycallback). */
export const PAY_CALLBACK_FUNCTION = 'paycallback'

interface WechatPayConfig {
  subMchId: string
  envId: string
}

function configFrom(env: Readonly<Record<string, string | undefined>>): WechatPayConfig {
  const subMchId = env.WXPAY_SUB_MCH_ID
  const envId = env.WXPAY_NOTIFY_ENV_ID || env.TCB_ENV || env.SCF_NAMESPACE
  if (!subMchId || !envId) throw new Error('WeChat Pay is not configured: set WXPAY_SUB_MCH_ID (and WXPAY_NOTIFY_ENV_ID outside CloudBase)')
  return { subMchId, envId }
}

const nonce = () => randomBytes(16).toString('hex')
/** WeChat's v2 time format, always in Beijing time whatever the function's zone (UTC on CloudBase). */
const wxTime = (d: Date) => formatBusiness(d, 'YYYYMMDDHHmmss')
const fromWxTime = (s: unknown) => (typeof s === 'string' && /^\d{14}$/.test(s) ? parseBusiness(s, 'YYYYMMDDHHmmss') : undefined)

function ok(res: CloudPayResult, api: string): CloudPayResult {
  if (res.returnCode !== 'SUCCESS') throw new Error(`cloudPay.${api}: ${res.returnMsg ?? 'communication failed'}`)
  return res
}

/**
 * Payments over CloudBase 云支付 (WeChat Pay for mini-programs without certificates). Config from env:
 * WXPAY_SUB_MCH_ID (the merchant id bound to the CloudBase env), WXPAY_NOTIFY_ENV_ID (defaults to the
 * current env). Business refusals (FAIL result codes) become PaymentRejected; transport failures stay
 * plain errors so callers retry.
 */
export function createWechatPayments(app: ReturnType<typeof tcb.init>, env: Readonly<Record<string, string | undefined>>, api: CloudPayApi = nodeSdkCloudPay(app)): Payments {
  const cfg = () => configFrom(env)
  return {
    provider: 'wechat',
    async createPrepay(req: PrepayRequest): Promise<Prepay> {
      const { subMchId, envId } = cfg()
      const res = ok(
        await api.unifiedOrder({
          body: req.description.slice(0, 40),
          outTradeNo: req.orderNo,
          spbillCreateIp: '127.0.0.1',
          subMchId,
          totalFee: req.amountFen,
          envId,
          functionName: PAY_CALLBACK_FUNCTION,
          nonceStr: nonce(),
          tradeType: 'JSAPI',
          timeExpire: wxTime(req.expiresAt),
          // v3's settle_info.profit_sharing (jsapiPrepayBody), in 云支付's name: a merchant's sale is split after fulfilment.
          profitSharing: req.profitSharing ? 'Y' : 'N',
        }),
        'unifiedOrder',
      )
      const payment = res.payment as Record<string, string> | undefined
      if (res.resultCode !== 'SUCCESS' || !payment) throw new PaymentRejected(String(res.errCode ?? 'FAIL'), String(res.errCodeDes ?? '下单失败'))
      const prepayId = String(res.prepayId ?? payment.package?.replace(/^prepay_id=/, ''))
      return { provider: 'wechat', prepayId, params: { timeStamp: payment.timeStamp, nonceStr: payment.nonceStr, package: payment.package, signType: payment.signType, paySign: payment.paySign } }
    },
    async queryPayment(orderNo: string): Promise<PaymentStatus> {
      const res = ok(await api.queryOrder({ subMchId: cfg().subMchId, outTradeNo: orderNo, nonceStr: nonce() }), 'queryOrder')
      if (res.resultCode !== 'SUCCESS') return { state: res.errCode === 'ORDERNOTEXIST' ? 'NOT_FOUND' : 'PAYERROR' }
      return {
        state: String(res.tradeState) as TradeState,
        totalFen: res.totalFee === undefined ? undefined : Number(res.totalFee),
        transactionId: typeof res.transactionId === 'string' ? res.transactionId : undefined,
        paidAt: fromWxTime(res.timeEnd),
      }
    },
    async closePayment(orderNo: string) {
      const res = ok(await api.closeOrder({ subMchId: cfg().subMchId, outTradeNo: orderNo, nonceStr: nonce() }), 'closeOrder')
      if (res.resultCode === 'SUCCESS' || res.errCode === 'ORDERCLOSED' || res.errCode === 'ORDERNOTEXIST') return { alreadyPaid: false }
      if (res.errCode === 'ORDERPAID') return { alreadyPaid: true }
      throw new Error(`cloudPay.closeOrder: ${String(res.errCode)}`)
    },
    async refund(req: RefundRequest) {
      const { subMchId, envId } = cfg()
      const res = ok(
        await api.refund({
          subMchId,
          nonceStr: nonce(),
          outTradeNo: req.orderNo,
          outRefundNo: req.refundNo,
          totalFee: req.totalFen,
          refundFee: req.refundFen,
          refundDesc: req.reason.slice(0, 80),
          envId,
          functionName: PAY_CALLBACK_FUNCTION,
        }),
        'refund',
      )
      if (res.resultCode !== 'SUCCESS') {
        // SYSTEMERROR / FREQUENCY_LIMITED may heal: retry later with the same out_refund_no. Others will not.
        if (res.errCode === 'SYSTEMERROR' || res.errCode === 'FREQUENCY_LIMITED') throw new Error(`cloudPay.refund: ${String(res.errCode)}`)
        throw new PaymentRejected(String(res.errCode ?? 'FAIL'), String(res.errCodeDes ?? '退款被拒绝'))
      }
      return { accepted: true as const }
    },
    async queryRefund(refundNo: string): Promise<RefundStatus> {
      const res = ok(await api.queryRefund({ subMchId: cfg().subMchId, outRefundNo: refundNo, nonceStr: nonce() }), 'queryRefund')
      if (res.resultCode !== 'SUCCESS') return { state: res.errCode === 'REFUNDNOTEXIST' ? 'NOT_FOUND' : 'PROCESSING' }
      // The answer lists every refund of the payment; find ours (v2 names them *_0, *_1…; CloudBase as *List arrays).
      const list = (k: string) => (Array.isArray(res[`${k}List`]) ? (res[`${k}List`] as unknown[]) : [])
      const i = Math.max(0, list('outRefundNo').indexOf(refundNo))
      const pick = (k: string) => list(k)[i] ?? res[`${k}0`] ?? res[`${k}_0`]
      return {
        state: String(pick('refundStatus') ?? 'PROCESSING') as RefundState,
        refundFen: pick('refundFee') === undefined ? undefined : Number(pick('refundFee')),
        refundId: pick('refundId') === undefined ? undefined : String(pick('refundId')),
        succeededAt: typeof pick('refundSuccessTime') === 'string' ? parseBusiness(String(pick('refundSuccessTime')), 'YYYY-MM-DD HH:mm:ss') : undefined,
      }
    },
  }
}
