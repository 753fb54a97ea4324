import type { ProfitSharing } from './profit-sharing.port'

/**
 * What the production 分账 adapter and the sandbox share beyond the port's types: the v3 route of each call,
 * the body a request is sent as, and so what makes two requests "the same". The production adapter
 * (platform/cloudbase/wechat-profit-sharing.adapter.ts) sends exactly these; the sandbox
 * (platform/local/sandbox-pay/profit-sharing.sandbox.ts) records each call by the same name and compares
 * repeated requests by the same body, as WeChat Pay does.
 */

/** A call of the port, by its name. */
export type ProfitSharingApi = keyof ProfitSharing

/** What WeChat Pay answers a call with, once it has the request. */
export type ProfitSharingAnswer<K extends ProfitSharingApi> = NonNullable<Awaited<ReturnType<ProfitSharing[K]>>>

/** Where WeChat Pay API v3 answers (the production default; the sandbox names it in its network errors). */
export const WECHATPAY_V3_HOST = 'api.mch.weixin.qq.com'

const q = encodeURIComponent

/** The v3 route of each call (the list in profit-sharing.port.ts); a query names its request in the path. */
export const PROFIT_SHARING_V3 = {
  addReceiver: { method: 'POST', path: '/v3/profitsharing/receivers/add' },
  createOrder: { method: 'POST', path: '/v3/profitsharing/orders' },
  queryOrder: { method: 'GET', path: (outOrderNo: string, transactionId: string) => `/v3/profitsharing/orders/${q(outOrderNo)}?transaction_id=${q(transactionId)}` },
  createReturn: { method: 'POST', path: '/v3/profitsharing/return-orders' },
  queryReturn: { method: 'GET', path: (outReturnNo: string, outOrderNo: string) => `/v3/profitsharing/return-orders/${q(outReturnNo)}?out_order_no=${q(outOrderNo)}` },
} as const satisfies Record<ProfitSharingApi, { method: 'GET' | 'POST'; path: string | ((...args: string[]) => string) }>

/**
 * A request's body as WeChat Pay receives it (a GET has none). WeChat Pay takes the same out_order_no /
 * out_return_no with the same body as one request and refuses it with another body: the sandbox compares
 * these bytes.
 */
export function v3Body(payload?: object): string {
  return payload ? JSON.stringify(payload) : ''
}
