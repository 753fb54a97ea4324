import { constants, createSign, generateKeyPairSync, privateDecrypt, createVerify } from 'node:crypto'
import { createWechatProfitSharing, type HttpSend } from '../../../cloudfunctions/platform/cloudbase/wechat-profit-sharing.adapter'
import { createWechatPayments } from '../../../cloudfunctions/platform/cloudbase/wechat-pay.adapter'
import type { CloudPayApi } from '../../../cloudfunctions/platform/cloudbase/wechat-pay.cloudpay-api'
import { jsapiPrepayBody, type PrepayRequest } from '../../../cloudfunctions/core/kernel/ports/payments.port'
import { ProfitSharingRefused } from '../../../cloudfunctions/core/kernel/ports/profit-sharing.port'

/**
 * The production payloads of profit sharing, checked against WeChat Pay's documented field names:
 * v3 JSAPI prepay `settle_info.profit_sharing`, 云支付 unifiedOrder `profitSharing`, and v3
 * `POST /v3/profitsharing/receivers/add` with the receiver's name encrypted by the platform key.
 */
const pem = (k: { export(o: object): string | Buffer }, type: 'pkcs8' | 'spki') => String(k.export({ type, format: 'pem' }))
const merchantKeys = generateKeyPairSync('rsa', { modulusLength: 2048 })
const wechatKeys = generateKeyPairSync('rsa', { modulusLength: 2048 })

/** A fake WeChat Pay: records the request, answers `status`/`body` signed with the platform key. */
function fakeWechat(status: number, answer: object) {
  const seen: { method: string; path: string; headers: Record<string, string>; body: string }[] = []
  const send: HttpSend = async (method, path, headers, body) => {
    seen.push({ method, path, headers, body })
    const text = JSON.stringify(answer)
    const ts = '1764727200'
    const nonce = 'n0nce'
    const sig = createSign('RSA-SHA256').update(`${ts}\n${nonce}\n${text}\n`).sign(pem(wechatKeys.privateKey, 'pkcs8'), 'base64')
    return { status, headers: { 'wechatpay-timestamp': ts, 'wechatpay-nonce': nonce, 'wechatpay-signature': sig }, body: text }
  }
  const sharing = createWechatProfitSharing(
    { mchid: '1900000100', serialNo: 'MERCHANT-SERIAL', privateKey: pem(merchantKeys.privateKey, 'pkcs8'), publicKeyId: 'PUB_KEY_ID_0001', publicKey: pem(wechatKeys.publicKey, 'spki') },
    send,
  )
  return { seen, sharing }
}

describe('WeChat Pay 分账 payloads (production adapters)', () => {
  it('receivers/add: v3 path, type MERCHANT_ID, relation SUPPLIER, the name RSA-OAEP encrypted with the platform key, signed', async () => {
    const { seen, sharing } = fakeWechat(200, { type: 'MERCHANT_ID', account: '1900012345', relation_type: 'SUPPLIER' })
    const answer = await sharing.addReceiver({ type: 'MERCHANT_ID', account: '1900012345', name: '洁家家政服务', relation_type: 'SUPPLIER' })
    expect(answer).toEqual({ type: 'MERCHANT_ID', account: '1900012345', relation_type: 'SUPPLIER' })
    const [req] = seen
    expect({ method: req.method, path: req.path }).toEqual({ method: 'POST', path: '/v3/profitsharing/receivers/add' })
    // The encrypted field names the key it was encrypted with.
    expect(req.headers['Wechatpay-Serial']).toBe('PUB_KEY_ID_0001')
    const body = JSON.parse(req.body)
    expect(Object.keys(body).sort()).toEqual(['account', 'name', 'relation_type', 'type'])
    expect(body).toMatchObject({ type: 'MERCHANT_ID', account: '1900012345', relation_type: 'SUPPLIER' })
    expect(body.name).not.toContain('洁家')
    const clear = privateDecrypt({ key: pem(wechatKeys.privateKey, 'pkcs8'), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(body.name, 'base64')).toString('utf8')
    expect(clear).toBe('洁家家政服务')
    // Signed by the merchant key over METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY\n.
    const auth = req.headers.Authorization
    const field = (k: string) => auth.match(new RegExp(`${k}="([^"]+)"`))![1]
    const ok = createVerify('RSA-SHA256').update(`POST\n/v3/profitsharing/receivers/add\n${field('timestamp')}\n${field('nonce_str')}\n${req.body}\n`).verify(pem(merchantKeys.publicKey, 'spki'), field('signature'), 'base64')
    expect(ok).toBe(true)
  })

  it('splits and returns go to their v3 routes with the request as the body; a query names its request in the path, and a 404 there is null', async () => {
    const order = { transaction_id: '4200000001', out_order_no: 'ps-od 1/a', order_id: '3008x', state: 'PROCESSING', receivers: [] }
    const { seen, sharing } = fakeWechat(200, order)
    const split = { transaction_id: '4200000001', out_order_no: 'ps-od 1/a', receivers: [{ type: 'MERCHANT_ID' as const, account: '1900012345', amount: 11357, description: '商户货款' }], unfreeze_unsplit: true }
    expect(await sharing.createOrder(split)).toEqual(order)
    await sharing.queryOrder('ps-od 1/a', '4200000001')
    const back = { out_order_no: 'ps-od 1/a', out_return_no: 'ps-rt 1', return_mchid: '1900012345', amount: 3785, description: '退款回退' }
    await sharing.createReturn(back)
    await sharing.queryReturn('ps-rt 1', 'ps-od 1/a')
    expect(seen.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/v3/profitsharing/orders', JSON.stringify(split)],
      ['GET', '/v3/profitsharing/orders/ps-od%201%2Fa?transaction_id=4200000001', ''],
      ['POST', '/v3/profitsharing/return-orders', JSON.stringify(back)],
      ['GET', '/v3/profitsharing/return-orders/ps-rt%201?out_order_no=ps-od%201%2Fa', ''],
    ])
    expect(await fakeWechat(404, { code: 'RESOURCE_NOT_EXISTS', message: '记录不存在' }).sharing.queryOrder('ps-od-9', '4200000009')).toBeNull()
  })

  it('a 4xx with a business code is a refusal (no retry will help); a 5xx stays a plain error (the timer retries)', async () => {
    const refused = fakeWechat(400, { code: 'INVALID_REQUEST', message: '分账接收方全称与商户号不匹配' }).sharing
    await expect(refused.addReceiver({ type: 'MERCHANT_ID', account: '1900012345', name: '错名', relation_type: 'SUPPLIER' })).rejects.toBeInstanceOf(ProfitSharingRefused)
    const down = fakeWechat(500, { code: 'SYSTEM_ERROR', message: '系统繁忙' }).sharing
    const err = await down.addReceiver({ type: 'MERCHANT_ID', account: '1900012345', name: '洁家家政服务', relation_type: 'SUPPLIER' }).catch((e: Error) => e)
    expect(err).toBeInstanceOf(Error)
    expect(err).not.toBeInstanceOf(ProfitSharingRefused)
  })
})

describe('prepay with profit sharing', () => {
  const req = (profitSharing: boolean): PrepayRequest => ({
    orderNo: 'od0123456789abcdef0123456789abcd',
    amountFen: 12345,
    description: '家电深度清洗',
    payerOpenid: 'o-payer',
    expiresAt: new Date('2026-12-03T02:15:00Z'),
    profitSharing,
  })

  it('the v3 JSAPI body carries settle_info.profit_sharing, amount in fen, time_expire in Beijing time', () => {
    expect(jsapiPrepayBody(req(true), { appid: 'wx1', mchid: '1900000100', notifyUrl: 'https://pay.example/notify' })).toEqual({
      appid: 'wx1',
      mchid: '1900000100',
      description: '家电深度清洗',
      out_trade_no: 'od0123456789abcdef0123456789abcd',
      time_expire: '2026-12-03T10:15:00+08:00',
      notify_url: 'https://pay.example/notify',
      amount: { total: 12345, currency: 'CNY' },
      payer: { openid: 'o-payer' },
      settle_info: { profit_sharing: true },
    })
    expect(jsapiPrepayBody(req(false), { appid: 'wx1', mchid: '1', notifyUrl: 'x' }).settle_info).toEqual({ profit_sharing: false })
  })

  it('云支付 unifiedOrder gets the same switch in its own name (profitSharing Y/N)', async () => {
    const sent: Record<string, unknown>[] = []
    const ok = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 's' } }
    const api = { unifiedOrder: async (d: Record<string, unknown>) => (sent.push(d), ok) } as unknown as CloudPayApi
    const payments = createWechatPayments({} as never, { WXPAY_SUB_MCH_ID: '1900000109', WXPAY_NOTIFY_ENV_ID: 'env-1' }, api)
    await payments.createPrepay(req(true))
    await payments.createPrepay(req(false))
    expect(sent.map((d) => d.profitSharing)).toEqual(['Y', 'N'])
    expect(sent[0]).toMatchObject({ outTradeNo: 'od0123456789abcdef0123456789abcd', totalFee: 12345, tradeType: 'JSAPI', subMchId: '1900000109' })
  })
})
