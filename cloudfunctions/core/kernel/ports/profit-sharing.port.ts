/**
 * The ProfitSharing port: WeChat Pay 分账 (v3). The property company's merchant account receives every
 * payment with profit sharing enabled; after fulfilment it asks WeChat Pay to pay the merchant's share out
 * (a split), and on a refund it takes that share back (a return) before refunding the resident.
 *
 * The payloads are WeChat Pay's own v3 JSON (snake_case, amounts in fen), so the sandbox and production
 * adapters are interchangeable and a recorded production answer can be replayed in a test:
 * - POST /v3/profitsharing/orders                      → ProfitSharingOrder
 * - GET  /v3/profitsharing/orders/{out_order_no}        → ProfitSharingOrder
 * - POST /v3/profitsharing/return-orders               → ProfitSharingReturn
 * - GET  /v3/profitsharing/return-orders/{out_return_no} → ProfitSharingReturn
 * - POST /v3/profitsharing/receivers/add                → AddReceiverResult (a merchant must be a receiver
 *   before any split can name it; adding the same receiver again answers the same)
 * Both calls are asynchronous on WeChat's side (PROCESSING first); the same out_order_no / out_return_no
 * sent twice is the same request, which is what makes a retried submit safe.
 *
 * Production: platform/cloudbase/wechat-profit-sharing.adapter.ts. Local: platform/local/sandbox-pay/
 * profit-sharing.sandbox.ts. Both take the v3 routes and the request body from profit-sharing.v3.ts.
 */

export interface ProfitSharingReceiver {
  type: 'MERCHANT_ID' | 'PERSONAL_OPENID'
  account: string
  name?: string
  /** Fen. */
  amount: number
  description: string
}

export interface CreateProfitSharingOrderRequest {
  appid?: string
  transaction_id: string
  out_order_no: string
  receivers: ProfitSharingReceiver[]
  /** true: what is not split now goes back to the property company and the order cannot be split again. */
  unfreeze_unsplit: boolean
}

export interface ProfitSharingReceiverResult {
  amount: number
  description: string
  type: string
  account: string
  result: 'PENDING' | 'SUCCESS' | 'CLOSED'
  fail_reason?: string
  create_time: string
  finish_time?: string
  detail_id: string
}

export interface ProfitSharingOrder {
  transaction_id: string
  out_order_no: string
  order_id: string
  state: 'PROCESSING' | 'FINISHED'
  receivers: ProfitSharingReceiverResult[]
}

export interface CreateProfitSharingReturnRequest {
  out_order_no: string
  out_return_no: string
  return_mchid: string
  /** Fen. */
  amount: number
  description: string
}

export interface ProfitSharingReturn {
  order_id: string
  out_order_no: string
  out_return_no: string
  return_id: string
  return_mchid: string
  amount: number
  description: string
  result: 'PROCESSING' | 'SUCCESS' | 'FAILED'
  fail_reason?: string
  create_time: string
  finish_time?: string
}

/** How a receiver relates to the paying merchant (the property company); merchants here are SUPPLIER. */
export type ReceiverRelation = 'SERVICE_PROVIDER' | 'STORE' | 'STAFF' | 'STORE_OWNER' | 'PARTNER' | 'HEADQUARTER' | 'BRAND' | 'DISTRIBUTOR' | 'USER' | 'SUPPLIER' | 'CUSTOM'

/**
 * POST /v3/profitsharing/receivers/add. `name` is given in clear text here: the production adapter encrypts
 * it with the WeChat Pay public key (RSA-OAEP) and names that key in the Wechatpay-Serial header, as the
 * API requires; the sandbox keeps it as is.
 */
export interface AddReceiverRequest {
  appid?: string
  type: 'MERCHANT_ID' | 'PERSONAL_OPENID'
  account: string
  /** Required for MERCHANT_ID: the merchant's full registered name. */
  name?: string
  relation_type: ReceiverRelation
  custom_relation?: string
}

export interface AddReceiverResult {
  type: string
  account: string
  relation_type: ReceiverRelation
  custom_relation?: string
}

/** WeChat Pay refused a request for a reason a retry will not fix (bad account, name mismatch…). */
export class ProfitSharingRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`)
    this.name = 'ProfitSharingRefused'
  }
}

export interface ProfitSharing {
  addReceiver(req: AddReceiverRequest): Promise<AddReceiverResult>
  createOrder(req: CreateProfitSharingOrderRequest): Promise<ProfitSharingOrder>
  queryOrder(outOrderNo: string, transactionId: string): Promise<ProfitSharingOrder | null>
  createReturn(req: CreateProfitSharingReturnRequest): Promise<ProfitSharingReturn>
  queryReturn(outReturnNo: string, outOrderNo: string): Promise<ProfitSharingReturn | null>
}
