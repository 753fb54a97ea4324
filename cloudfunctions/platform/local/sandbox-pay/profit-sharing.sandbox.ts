import { createHash } from 'node:crypto'
import type { Clock } from '../../../core/kernel/platform'
import type {
  CreateProfitSharingOrderRequest,
  CreateProfitSharingReturnRequest,
  ProfitSharing,
  ProfitSharingOrder,
  ProfitSharingReturn,
} from '../../../core/kernel/ports/profit-sharing.port'

/** What WeChat Pay answers for a request it refuses (HTTP 4xx with { code, message }). */
export class ProfitSharingRejected extends Error {
  constructor(
    readonly code: 'PARAM_ERROR' | 'INVALID_REQUEST' | 'NOT_ENOUGH' | 'RESOURCE_NOT_EXISTS',
    message: string,
  ) {
    super(`${code}: ${message}`)
  }
}

const wxId = (prefix: string, key: string) => `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 26)}`

/**
 * The local WeChat Pay 分账, with the v3 payloads of the port. Like WeChat it accepts a request, answers
 * PROCESSING, and finishes it asynchronously — here on the first query after `finishAfterQueries` asks
 * (tests set it to 0 to finish at once). The same out_order_no / out_return_no with the same body is the
 * same request; with a different body it is refused, as WeChat does. `requests` records every call, so a
 * test can count how many splits and returns were really asked for.
 */
export class SandboxProfitSharing implements ProfitSharing {
  readonly orders = new Map<string, { order: ProfitSharingOrder; body: string; queries: number }>()
  readonly returns = new Map<string, { ret: ProfitSharingReturn; body: string; queries: number }>()
  readonly requests: { api: 'createOrder' | 'createReturn' | 'queryOrder' | 'queryReturn'; key: string }[] = []
  finishAfterQueries = 0
  /** Tests make the merchant's account refuse the money (receiver result CLOSED). */
  closedAccounts = new Set<string>()

  constructor(private readonly clock: Clock) {}

  private time = () => this.clock.now().toISOString().replace(/\.\d+Z$/, '+00:00')

  async createOrder(req: CreateProfitSharingOrderRequest): Promise<ProfitSharingOrder> {
    this.requests.push({ api: 'createOrder', key: req.out_order_no })
    const body = JSON.stringify(req)
    const known = this.orders.get(req.out_order_no)
    if (known) {
      if (known.body !== body) throw new ProfitSharingRejected('INVALID_REQUEST', '商户分账单号重复，但请求参数不一致')
      return structuredClone(known.order)
    }
    if (!req.transaction_id || req.receivers.length === 0 || req.receivers.some((r) => !Number.isInteger(r.amount) || r.amount <= 0)) {
      throw new ProfitSharingRejected('PARAM_ERROR', '分账接收方或金额不正确')
    }
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
    this.orders.set(req.out_order_no, { order, body, queries: 0 })
    if (this.finishAfterQueries === 0) this.finishOrder(req.out_order_no)
    return structuredClone(order)
  }

  async queryOrder(outOrderNo: string): Promise<ProfitSharingOrder | null> {
    this.requests.push({ api: 'queryOrder', key: outOrderNo })
    const known = this.orders.get(outOrderNo)
    if (!known) return null
    known.queries += 1
    if (known.queries >= this.finishAfterQueries) this.finishOrder(outOrderNo)
    return structuredClone(known.order)
  }

  async createReturn(req: CreateProfitSharingReturnRequest): Promise<ProfitSharingReturn> {
    this.requests.push({ api: 'createReturn', key: req.out_return_no })
    const body = JSON.stringify(req)
    const known = this.returns.get(req.out_return_no)
    if (known) {
      if (known.body !== body) throw new ProfitSharingRejected('INVALID_REQUEST', '商户回退单号重复，但请求参数不一致')
      return structuredClone(known.ret)
    }
    const parent = this.orders.get(req.out_order_no)
    if (!parent || parent.order.state !== 'FINISHED') throw new ProfitSharingRejected('RESOURCE_NOT_EXISTS', '分账单不存在或尚未完成')
    const paid = parent.order.receivers.filter((r) => r.account === req.return_mchid && r.result === 'SUCCESS').reduce((s, r) => s + r.amount, 0)
    const back = [...this.returns.values()].filter((r) => r.ret.out_order_no === req.out_order_no && r.ret.result !== 'FAILED').reduce((s, r) => s + r.ret.amount, 0)
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
    this.returns.set(req.out_return_no, { ret, body, queries: 0 })
    if (this.finishAfterQueries === 0) this.finishReturn(req.out_return_no)
    return structuredClone(ret)
  }

  async queryReturn(outReturnNo: string): Promise<ProfitSharingReturn | null> {
    this.requests.push({ api: 'queryReturn', key: outReturnNo })
    const known = this.returns.get(outReturnNo)
    if (!known) return null
    known.queries += 1
    if (known.queries >= this.finishAfterQueries) this.finishReturn(outReturnNo)
    return structuredClone(known.ret)
  }

  /** Money actually moved to each merchant account (splits that succeeded − returns that succeeded). */
  balanceOf(account: string): number {
    let fen = 0
    for (const { order } of this.orders.values()) for (const r of order.receivers) if (r.account === account && r.result === 'SUCCESS') fen += r.amount
    for (const { ret } of this.returns.values()) if (ret.return_mchid === account && ret.result === 'SUCCESS') fen -= ret.amount
    return fen
  }

  private finishOrder(outOrderNo: string) {
    const known = this.orders.get(outOrderNo)!
    if (known.order.state === 'FINISHED') return
    known.order.state = 'FINISHED'
    for (const r of known.order.receivers) {
      r.result = this.closedAccounts.has(r.account) ? 'CLOSED' : 'SUCCESS'
      if (r.result === 'CLOSED') r.fail_reason = 'ACCOUNT_ABNORMAL'
      r.finish_time = this.time()
    }
  }

  private finishReturn(outReturnNo: string) {
    const known = this.returns.get(outReturnNo)!
    if (known.ret.result !== 'PROCESSING') return
    known.ret.result = 'SUCCESS'
    known.ret.finish_time = this.time()
  }
}
