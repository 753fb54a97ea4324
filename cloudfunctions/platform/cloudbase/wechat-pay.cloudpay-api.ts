import type tcb from '@cloudbase/node-sdk'

/**
 * The CloudBase 云支付 calls we use, in the shape of wx-server-sdk's `cloud.cloudPay` (JSON in, JSON out,
 * camelCase v2 fields, no certificates or signing: CloudBase's private channel does that). Anything with
 * these five methods works — including `require('wx-server-sdk').cloudPay` if that SDK is ever added.
 */
export interface CloudPayApi {
  unifiedOrder(data: Record<string, unknown>): Promise<CloudPayResult>
  queryOrder(data: Record<string, unknown>): Promise<CloudPayResult>
  closeOrder(data: Record<string, unknown>): Promise<CloudPayResult>
  refund(data: Record<string, unknown>): Promise<CloudPayResult>
  queryRefund(data: Record<string, unknown>): Promise<CloudPayResult>
}

export type CloudPayResult = Record<string, unknown> & {
  returnCode?: string
  returnMsg?: string
  resultCode?: string
  errCode?: string | number
  errCodeDes?: string
}

type App = ReturnType<typeof tcb.init>

/**
 * CloudPayApi over @cloudbase/node-sdk's `callWxPayApi` (action wx.wxPayApi). The request body follows the
 * SDK's own test of that call: apiName `cloudPay.<api>`, requestData = JSON `{ api, data }` as a Buffer;
 * the answer is a JSON buffer, or a `{ code, message }` error object. Not yet exercised against a live env
 * (docs/payments.md, "Production adapter").
 */
export function nodeSdkCloudPay(app: App): CloudPayApi {
  const call = async (api: string, data: Record<string, unknown>): Promise<CloudPayResult> => {
    const raw: unknown = await app.callWxPayApi({ apiName: `cloudPay.${api}`, requestData: Buffer.from(JSON.stringify({ api, data })) })
    const value = Buffer.isBuffer(raw) ? JSON.parse(raw.toString('utf8')) : raw
    const err = value as { code?: unknown; message?: unknown }
    if (err && typeof err.code === 'string' && err.code) throw new Error(`cloudPay.${api} failed: ${err.code} ${String(err.message ?? '')}`)
    return value as CloudPayResult
  }
  return {
    unifiedOrder: (d) => call('unifiedOrder', d),
    queryOrder: (d) => call('queryOrder', d),
    closeOrder: (d) => call('closeOrder', d),
    refund: (d) => call('refund', d),
    queryRefund: (d) => call('queryRefund', d),
  }
}
