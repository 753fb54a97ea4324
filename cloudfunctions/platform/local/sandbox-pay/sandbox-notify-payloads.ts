import { randomBytes } from 'node:crypto'
import { formatBusiness } from '../../../core/kernel/business-time'
import type { SandboxRefund, SandboxTransaction } from './sandbox-store'

/** Fixed sandbox identities, shaped like the real ones (CloudBase's service-provider appid and merchant). */
export const SANDBOX_IDS = { appid: 'wxd0000000sandbox', subAppid: 'wx00000000localh5', mchId: '1800000001', subMchId: '1900000001' } as const

const nonce = () => randomBytes(8).toString('hex')
/** WeChat Pay writes its times as Shanghai wall-clock text. */
const shanghai = (iso: string, format: string) => formatBusiness(iso, format)

/** What CloudBase 云支付 passes to the callback function after a payment (docs/payments.md has the source). */
export function payNotifyPayload(t: SandboxTransaction): Record<string, unknown> {
  return {
    returnCode: 'SUCCESS',
    appid: SANDBOX_IDS.appid,
    mchId: SANDBOX_IDS.mchId,
    subAppid: SANDBOX_IDS.subAppid,
    subMchId: SANDBOX_IDS.subMchId,
    nonceStr: nonce(),
    resultCode: 'SUCCESS',
    openid: 'oSandboxServiceProvider',
    isSubscribe: 'N',
    subOpenid: t.payerOpenid,
    subIsSubscribe: 'N',
    tradeType: 'JSAPI',
    bankType: 'OTHERS',
    totalFee: t.amountFen,
    feeType: 'CNY',
    cashFee: t.amountFen,
    transactionId: t.transactionId,
    outTradeNo: t.orderNo,
    timeEnd: shanghai(t.paidAt!, 'YYYYMMDDHHmmss'),
  }
}

/** A refund result, with the v2 refund-notify fields decrypted under reqInfo (camelCase). */
export function refundNotifyPayload(r: SandboxRefund, t: SandboxTransaction): Record<string, unknown> {
  return {
    returnCode: 'SUCCESS',
    appid: SANDBOX_IDS.appid,
    mchId: SANDBOX_IDS.mchId,
    subMchId: SANDBOX_IDS.subMchId,
    nonceStr: nonce(),
    reqInfo: {
      transactionId: t.transactionId,
      outTradeNo: t.orderNo,
      refundId: r.refundId,
      outRefundNo: r.refundNo,
      totalFee: t.amountFen,
      settlementTotalFee: t.amountFen,
      refundFee: r.refundFen,
      settlementRefundFee: r.state === 'SUCCESS' ? r.refundFen : 0,
      refundStatus: r.state,
      successTime: r.succeededAt ? shanghai(r.succeededAt, 'YYYY-MM-DD HH:mm:ss') : undefined,
      refundRecvAccout: '支付用户零钱',
      refundAccount: 'REFUND_SOURCE_UNSETTLED_FUNDS',
      refundRequestSource: 'API',
    },
  }
}
