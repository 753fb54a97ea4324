import { createHash } from 'node:crypto'
import type { Clock } from '../../../core/kernel/platform'
import {
  ProfitSharingRefused,
  type AddReceiverRequest,
  type AddReceiverResult,
  type CreateProfitSharingOrderRequest,
  type CreateProfitSharingReturnRequest,
  type ProfitSharing,
  type ProfitSharingOrder,
  type ProfitSharingReturn,
} from '../../../core/kernel/ports/profit-sharing.port'
import { v3Body, WECHATPAY_V3_HOST, type ProfitSharingApi } from '../../../core/kernel/ports/profit-sharing.v3'
import { SandboxSharingStore } from './profit-sharing.store'

/** What WeChat Pay answers for a request it refuses (HTTP 4xx with { code, message }). */
export class ProfitSharingRejected extends ProfitSharingRefused {
  constructor(code: 'PARAM_ERROR' | 'INVALID_REQUEST' | 'NOT_ENOUGH' | 'RESOURCE_NOT_EXISTS', message: string) {
    super(code, message)
  }
}

const wxId = (prefix: string, key: string) => `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 26)}`

export interface SandboxSharingOptions {
  clock: Clock
  /** Where WeChat's side of 分账 is kept (its own SQLite file); absent: in memory (tests). */
  dataDir?: string
  /** Whether the payment was made with settle_info.profit_sharing (the payment sandbox knows); undefined: unknown transaction. */
  sharingAllowed?: (transactionId: string) => boolean | undefined
}

/**
 * The local WeChat Pay 分账, with the v3 payloads of the port. Like WeChat it accepts a request, answers
 * PROCESSING, and finishes it asynchronously — here on the first query after `finishAfterQueries` asks
 * (tests set it to 0 to finish at once). The same out_order_no / out_return_no with the same body is the
 * same request; with a different body it is refused, as WeChat does. A split must name receivers added
 * beforehand, for a payment made with profit sharing switched on.
 *
 * Its records live in a store of their own (profit-sharing.store.ts) — WeChat's side of the world, apart
 * from the app database like the payment sandbox's — durable under `dataDir`, so a local restart finds
 * the splits it had accepted and answers their queries instead of treating them as never received.
 * `requests` records every call of this process, so a test can count what was really asked for.
 */
export class SandboxProfitSharing implements ProfitSharing {
  readonly store: SandboxSharingStore
  readonly requests: { api: ProfitSharingApi; key: string }[] = []
  finishAfterQueries = 0
  /** Tests make the merchant's account refuse the money (receiver result CLOSED). */
  closedAccounts = new Set<string>()
  /** Tests make WeChat refuse a receiver (e.g. the name does not match the account). */
  refusedReceivers = new Set<string>()
  /** Tests make the next calls fail as a network error would (the request never arrived). */
  unreachable = false
  private readonly clock: Clock

  constructor(options: SandboxSharingOptions | Clock) {
    const o: SandboxSharingOptions = 'now' in options ? { clock: options } : options
    this.clock = o.clock
    this.store = new SandboxSharingStore(o.dataDir)
    this.sharingAllowed = o.sharingAllowed
  }

  private readonly sharingAllowed?: (transactionId: string) => boolean | undefined
  private time = () => this.clock.now().toISOString().replace(/\.\d+Z$/, '+00:00')
  private reach(api: ProfitSharingApi, key: string) {
    if (this.unreachable) throw new Error(`connect ETIMEDOUT ${WECHATPAY_V3_HOST}`)
    this.requests.push({ api, key })
  }

  async addReceiver(req: AddReceiverRequest): Promise<AddReceiverResult> {
    this.reach('addReceiver', req.account)
    if (!/^\d{8,12}$/.test(req.account) && req.type === 'MERCHANT_ID') throw new ProfitSharingRejected('PARAM_ERROR', '分账接收方账号格式不正确')
    if (req.type === 'MERCHANT_ID' && !req.name) throw new ProfitSharingRejected('PARAM_ERROR', '商户类型的接收方须填写商户全称')
    if (this.refusedReceivers.has(req.account)) throw new ProfitSharingRejected('INVALID_REQUEST', '分账接收方全称与商户号不匹配')
    const result: AddReceiverResult = { type: req.type, account: req.account, relation_type: req.relation_type, ...(req.custom_relation ? { custom_relation: req.custom_relation } : {}) }
    // Adding the same receiver again answers the same (WeChat keeps one relation per account).
    this.store.saveReceiver(req.account, { request: req, result })
    return structuredClone(result)
  }

  async createOrder(req: CreateProfitSharingOrderRequest): Promise<ProfitSharingOrder> {
    this.reach('createOrder', req.out_order_no)
    const body = v3Body(req)
    return this.store.atomically(() => {
      const known = this.store.order(req.out_order_no)
      if (known) {
        if (known.body !== body) throw new ProfitSharingRejected('INVALID_REQUEST', '商户分账单号重复，但请求参数不一致')
        return structuredClone(known.order)
      }
      if (!req.transaction_id || req.receivers.length === 0 || req.receivers.some((r) => !Number.isInteger(r.amount) || r.amount <= 0)) {
        throw new ProfitSharingRejected('PARAM_ERROR', '分账接收方或金额不正确')
      }
      if (this.sharingAllowed?.(req.transaction_id) === false) throw new ProfitSharingRejected('INVALID_REQUEST', '该笔订单下单时未指定分账，不能分账')
      const stranger = req.receivers.find((r) => !this.store.receiver(r.account))
      if (stranger) throw new ProfitSharingRejected('INVALID_REQUEST', `分账接收方 ${stranger.account} 未添加`)
      const order: ProfitSharingOrder = {
        transaction_id: req.transaction_id,
        out_order_no: req.out_order_no,
        order_id: wxId('3008', req.out_order_no),
        state: 'PROCESSING',
        receivers: req.receivers.map((r, i) => ({
          amount: r.amount,
          description: r.description,
          type: r.type,
          account: r.account,
          result: 'PENDING',
          create_time: this.time(),
          detail_id: wxId('3600', `${req.out_order_no}:${i}`),
        })),
      }
      if (this.finishAfterQueries === 0) this.finishOrder(order)
      this.store.saveOrder({ order, body, queries: 0 })
      return structuredClone(order)
    })
  }

  async queryOrder(outOrderNo: string): Promise<ProfitSharingOrder | null> {
    this.reach('queryOrder', outOrderNo)
    return this.store.atomically(() => {
      const known = this.store.order(outOrderNo)
      if (!known) return null
      known.queries += 1
      if (known.queries >= this.finishAfterQueries) this.finishOrder(known.order)
      this.store.saveOrder(known)
      return structuredClone(known.order)
    })
  }

  async createReturn(req: CreateProfitSharingReturnRequest): Promise<ProfitSharingReturn> {
    this.reach('createReturn', req.out_return_no)
    const body = v3Body(req)
    return this.store.atomically(() => {
      const known = this.store.ret(req.out_return_no)
      if (known) {
        if (known.body !== body) throw new ProfitSharingRejected('INVALID_REQUEST', '商户回退单号重复，但请求参数不一致')
        return structuredClone(known.ret)
      }
      const parent = this.store.order(req.out_order_no)
      if (!parent || parent.order.state !== 'FINISHED') throw new ProfitSharingRejected('RESOURCE_NOT_EXISTS', '分账单不存在或尚未完成')
      const paid = parent.order.receivers.filter((r) => r.account === req.return_mchid && r.result === 'SUCCESS').reduce((s, r) => s + r.amount, 0)
      const back = this.store
        .returnsOf(req.out_order_no)
        .filter((r) => r.ret.result !== 'FAILED')
        .reduce((s, r) => s + r.ret.amount, 0)
      if (req.amount <= 0 || back + req.amount > paid) throw new ProfitSharingRejected('NOT_ENOUGH', '回退金额超过已分账金额')
      const ret: ProfitSharingReturn = {
        order_id: parent.order.order_id,
        out_order_no: req.out_order_no,
        out_return_no: req.out_return_no,
        return_id: wxId('3008', `ret:${req.out_return_no}`),
        return_mchid: req.return_mchid,
        amount: req.amount,
        description: req.description,
        result: 'PROCESSING',
        create_time: this.time(),
      }
      if (this.finishAfterQueries === 0) this.finishReturn(ret)
      this.store.saveReturn({ ret, body, queries: 0 })
      return structuredClone(ret)
    })
  }

  async queryReturn(outReturnNo: string): Promise<ProfitSharingReturn | null> {
    this.reach('queryReturn', outReturnNo)
    return this.store.atomically(() => {
      const known = this.store.ret(outReturnNo)
      if (!known) return null
      known.queries += 1
      if (known.queries >= this.finishAfterQueries) this.finishReturn(known.ret)
      this.store.saveReturn(known)
      return structuredClone(known.ret)
    })
  }

  /** Money actually moved to each merchant account (splits that succeeded − returns that succeeded). */
  balanceOf(account: string): number {
    let fen = 0
    for (const { order } of this.store.allOrders()) for (const r of order.receivers) if (r.account === account && r.result === 'SUCCESS') fen += r.amount
    for (const { ret } of this.store.allReturns()) if (ret.return_mchid === account && ret.result === 'SUCCESS') fen -= ret.amount
    return fen
  }

  close(): void {
    this.store.close()
  }

  private finishOrder(order: ProfitSharingOrder) {
    if (order.state === 'FINISHED') return
    order.state = 'FINISHED'
    for (const r of order.receivers) {
      r.result = this.closedAccounts.has(r.account) ? 'CLOSED' : 'SUCCESS'
      if (r.result === 'CLOSED') r.fail_reason = 'ACCOUNT_ABNORMAL'
      r.finish_time = this.time()
    }
  }

  private finishReturn(ret: ProfitSharingReturn) {
    if (ret.result !== 'PROCESSING') return
    ret.result = 'SUCCESS'
    ret.finish_time = this.time()
  }
}
