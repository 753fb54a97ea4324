import { createHmac, randomBytes } from 'node:crypto'
import type { Clock } from '../../../core/kernel/platform'
import type { WechatNotifyReply } from '../../../contracts/paycallback.contract'
import {
  PaymentRejected,
  jsapiPrepayBody,
  type PaymentStatus,
  type Payments,
  type Prepay,
  type PrepayRequest,
  type RefundRequest,
  type RefundStatus,
} from '../../../core/kernel/ports/payments.port'
import { SandboxStore, type SandboxTransaction } from './sandbox-store'
import { payNotifyPayload, refundNotifyPayload, SANDBOX_IDS } from './sandbox-notify-payloads'

export type NotifyDelivery = (payload: Record<string, unknown>) => Promise<WechatNotifyReply>

export interface SandboxOptions {
  clock: Clock
  dataDir?: string
  /** How the gateway reaches the callback function (deliver-notify.ts). */
  deliver: NotifyDelivery
}

/** WeChat retries a notify that was not acknowledged; the sandbox does too, on a shorter schedule. */
const RETRY_DELAYS_MS = [2_000, 10_000, 60_000]
const SANDBOX_SIGN_KEY = 'local-sandbox-only'

/**
 * The local WeChat Pay. Same port, same prepay parameter shape, same notify payloads, delivered to the
 * same callback function — only the person's "pay" is a confirm button in the H5 sandbox sheet.
 */
export class SandboxPayments implements Payments {
  readonly provider = 'sandbox' as const
  readonly store: SandboxStore
  /** Refunds settle by themselves after refundDelayMs (server); tests turn this off and call settleRefunds(). */
  autoSettleRefunds = true
  refundDelayMs = 300
  /** The next refunds' final state; tests set CHANGE to see a refund fail at the bank. */
  refundOutcome: 'SUCCESS' | 'CHANGE' = 'SUCCESS'
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false

  constructor(private readonly options: SandboxOptions) {
    this.store = new SandboxStore(options.dataDir)
  }

  private now(): Date {
    return this.options.clock.now()
  }

  async createPrepay(req: PrepayRequest): Promise<Prepay> {
    const existing = this.store.tx(req.orderNo)
    if (existing && existing.state !== 'NOTPAY') throw new PaymentRejected('ORDERPAID', '该订单已支付或已关闭')
    if (existing && existing.amountFen !== req.amountFen) throw new PaymentRejected('INVALID_REQUEST', '商户订单号重复')
    const request = jsapiPrepayBody(req, { appid: SANDBOX_IDS.subAppid, mchid: SANDBOX_IDS.subMchId, notifyUrl: 'cloud://paycallback' })
    const prepayId = `wx_sbx_${randomBytes(12).toString('hex')}`
    this.store.saveTx({
      orderNo: req.orderNo,
      prepayId,
      amountFen: req.amountFen,
      description: req.description,
      payerOpenid: req.payerOpenid,
      state: 'NOTPAY',
      transactionId: null,
      expiresAt: req.expiresAt.toISOString(),
      paidAt: null,
      request,
    })
    const timeStamp = String(Math.floor(this.now().getTime() / 1000))
    const nonceStr = randomBytes(8).toString('hex')
    const pkg = `prepay_id=${prepayId}`
    const paySign = createHmac('sha256', SANDBOX_SIGN_KEY).update(`${SANDBOX_IDS.subAppid}\n${timeStamp}\n${nonceStr}\n${pkg}\n`).digest('base64')
    return { provider: 'sandbox', prepayId, params: { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign } }
  }

  /** For the 分账 sandbox: was this payment made with settle_info.profit_sharing? (undefined: not ours) */
  sharingAllowed(transactionId: string): boolean | undefined {
    const t = this.store.txByTransactionId(transactionId)
    return t ? t.request?.settle_info.profit_sharing === true : undefined
  }

  async queryPayment(orderNo: string): Promise<PaymentStatus> {
    const t = this.expireIfDue(this.store.tx(orderNo))
    if (!t) return { state: 'NOT_FOUND' }
    return { state: t.state, totalFen: t.amountFen, transactionId: t.transactionId ?? undefined, paidAt: t.paidAt ? new Date(t.paidAt) : undefined }
  }

  async closePayment(orderNo: string): Promise<{ alreadyPaid: boolean }> {
    const t = this.store.tx(orderNo)
    if (!t) return { alreadyPaid: false }
    if (t.state === 'SUCCESS' || t.state === 'REFUND') return { alreadyPaid: true }
    this.store.saveTx({ ...t, state: 'CLOSED' })
    return { alreadyPaid: false }
  }

  /** The person pressed 确认支付 in the sheet: the money moves, then the notify goes out. */
  async confirm(prepayId: string, payerOpenid: string): Promise<{ transaction: SandboxTransaction; reply: WechatNotifyReply }> {
    const found = this.expireIfDue(this.store.txByPrepay(prepayId))
    if (!found) throw new PaymentRejected('NOT_FOUND', '支付单不存在')
    if (found.payerOpenid !== payerOpenid) throw new PaymentRejected('PAYER_MISMATCH', '请使用下单的微信账号支付')
    if (found.state === 'CLOSED') throw new PaymentRejected('CLOSED', '订单已关闭，无法支付')
    let t = found
    if (found.state === 'NOTPAY') {
      t = { ...found, state: 'SUCCESS', transactionId: `4200${Date.now()}${randomBytes(4).toString('hex')}`.slice(0, 28), paidAt: this.now().toISOString() }
      this.store.saveTx(t)
    }
    return { transaction: t, reply: await this.deliver(payNotifyPayload(t)) }
  }

  /** Sends the payment notify of an order again, as WeChat's retries would. */
  async redeliverPayNotify(orderNo: string): Promise<WechatNotifyReply> {
    const t = this.store.tx(orderNo)
    if (!t || !t.paidAt) throw new Error(`sandbox: order ${orderNo} was not paid`)
    return this.options.deliver(payNotifyPayload(t))
  }

  async refund(req: RefundRequest): Promise<{ accepted: true }> {
    this.store.atomically(() => {
      if (this.store.refund(req.refundNo)) return // same out_refund_no: the same refund, accepted again
      const t = this.store.tx(req.orderNo)
      if (!t || (t.state !== 'SUCCESS' && t.state !== 'REFUND')) throw new PaymentRejected('TRADE_STATE_ERROR', '订单未支付，不能退款')
      if (req.totalFen !== t.amountFen) throw new PaymentRejected('INVALID_REQUEST', '订单金额与原支付不符')
      const already = this.store.refundsOf(req.orderNo).filter((r) => r.state !== 'CHANGE').reduce((s, r) => s + r.refundFen, 0)
      if (req.refundFen <= 0 || already + req.refundFen > t.amountFen) throw new PaymentRejected('NOT_ENOUGH', '退款金额超过订单可退金额')
      this.store.saveRefund({ refundNo: req.refundNo, orderNo: req.orderNo, refundId: `5030${randomBytes(12).toString('hex')}`, refundFen: req.refundFen, state: 'PROCESSING', succeededAt: null })
      this.store.saveTx({ ...t, state: 'REFUND' })
    })
    if (this.autoSettleRefunds) this.later(this.refundDelayMs, () => this.settleRefunds())
    return { accepted: true }
  }

  async queryRefund(refundNo: string): Promise<RefundStatus> {
    const r = this.store.refund(refundNo)
    if (!r) return { state: 'NOT_FOUND' }
    return { state: r.state, refundFen: r.refundFen, refundId: r.refundId, succeededAt: r.succeededAt ? new Date(r.succeededAt) : undefined }
  }

  /** Finishes every processing refund and delivers its notify; returns the callback's replies. */
  async settleRefunds(): Promise<WechatNotifyReply[]> {
    const replies: WechatNotifyReply[] = []
    for (const r of this.store.processingRefunds()) {
      const done = { ...r, state: this.refundOutcome, succeededAt: this.refundOutcome === 'SUCCESS' ? this.now().toISOString() : null }
      this.store.saveRefund(done)
      replies.push(await this.deliver(refundNotifyPayload(done, this.store.tx(r.orderNo)!)))
    }
    return replies
  }

  close(): void {
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.store.close()
  }

  private expireIfDue(t: SandboxTransaction | undefined): SandboxTransaction | undefined {
    if (t && t.state === 'NOTPAY' && Date.parse(t.expiresAt) <= this.now().getTime()) {
      const closed = { ...t, state: 'CLOSED' as const }
      this.store.saveTx(closed)
      return closed
    }
    return t
  }

  /** Delivers, and schedules WeChat-style retries while the callback does not acknowledge. */
  private async deliver(payload: Record<string, unknown>, attempt = 0): Promise<WechatNotifyReply> {
    let reply: WechatNotifyReply
    try {
      reply = await this.options.deliver(payload)
    } catch (e) {
      reply = { errcode: -1, errmsg: (e as Error).message }
    }
    if (reply.errcode !== 0 && attempt < RETRY_DELAYS_MS.length) this.later(RETRY_DELAYS_MS[attempt], () => this.deliver(payload, attempt + 1))
    return reply
  }

  private later(ms: number, fn: () => Promise<unknown>): void {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (!this.closed) fn().catch(() => undefined)
    }, ms)
    timer.unref()
    this.timers.add(timer)
  }
}
