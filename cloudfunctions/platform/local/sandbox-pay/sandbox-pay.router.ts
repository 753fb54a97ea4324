import express, { type Router } from 'express'
import type { Platform } from '../../../core/kernel/platform'
import { PaymentRejected } from '../../../core/kernel/ports/payments.port'
import { SandboxPayments } from './sandbox-payments'

const OPENID_HEADER = 'x-dev-openid'
const PREPAY_PATTERN = /^wx_sbx_[0-9a-f]{24}$/

/**
 * The H5 sandbox pay sheet's backend (the page is src/packages/orders/components/SandboxPaySheet).
 * GET shows what is being paid; POST confirm is the person entering their password: the sandbox marks the
 * transaction paid and delivers the notify to the paycallback function, exactly as WeChat Pay would.
 */
export function createSandboxPayRouter(platform: Platform): Router {
  const router = express.Router()
  const sandbox = () => {
    const p = platform.ports.payments
    return p instanceof SandboxPayments ? p : undefined
  }

  router.get('/sandbox-pay/prepay/:prepayId', async (req, res) => {
    const s = sandbox()
    const prepayId = String(req.params.prepayId)
    const t = s && PREPAY_PATTERN.test(prepayId) ? s.store.txByPrepay(prepayId) : undefined
    if (!t || t.payerOpenid !== req.header(OPENID_HEADER)) {
      res.json({ ok: false, code: 'NOT_FOUND', message: '支付单不存在' })
      return
    }
    const status = await s!.queryPayment(t.orderNo)
    res.json({ ok: true, data: { orderNo: t.orderNo, amountFen: t.amountFen, description: t.description, state: status.state, expiresAt: t.expiresAt } })
  })

  router.post('/sandbox-pay/confirm', async (req, res) => {
    const s = sandbox()
    const prepayId = typeof req.body?.prepayId === 'string' ? req.body.prepayId : ''
    const openid = req.header(OPENID_HEADER) ?? ''
    if (!s || !PREPAY_PATTERN.test(prepayId)) {
      res.json({ ok: false, code: 'NOT_FOUND', message: '支付单不存在' })
      return
    }
    try {
      const { transaction, reply } = await s.confirm(prepayId, openid)
      res.json({ ok: true, data: { state: transaction.state, transactionId: transaction.transactionId, notified: reply.errcode === 0 } })
    } catch (e) {
      if (e instanceof PaymentRejected) res.json({ ok: false, code: `PAYMENT.${e.reason}`, message: e.message })
      else res.json({ ok: false, code: 'INTERNAL', message: '沙箱支付失败' })
    }
  })
  return router
}
