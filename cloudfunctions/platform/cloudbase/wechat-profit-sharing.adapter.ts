import { constants, createSign, createVerify, publicEncrypt, randomBytes } from 'node:crypto'
import { request } from 'node:https'
import { ProfitSharingRefused, type AddReceiverRequest, type ProfitSharing } from '../../core/kernel/ports/profit-sharing.port'
import { PROFIT_SHARING_V3, v3Body, WECHATPAY_V3_HOST, type ProfitSharingAnswer, type ProfitSharingApi } from '../../core/kernel/ports/profit-sharing.v3'

/** The merchant credentials of WeChat Pay API v3 (function env vars; docs/security.md lists them). */
export interface WechatPayV3Config {
  mchid: string
  /** Serial number of the merchant API certificate. */
  serialNo: string
  /** PEM of the merchant API private key. */
  privateKey: string
  /** WeChat Pay public key (PEM) and its id, to verify every answer's signature. */
  publicKeyId: string
  publicKey: string
  host?: string
}

export type HttpSend = (method: 'GET' | 'POST', path: string, headers: Record<string, string>, body: string) => Promise<{ status: number; headers: Record<string, string>; body: string }>

const httpsSend =
  (host: string): HttpSend =>
  (method, path, headers, body) =>
    new Promise((resolve, reject) => {
      const req = request({ host, method, path, headers: { ...headers, 'Content-Length': Buffer.byteLength(body).toString() }, timeout: 10_000 }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), String(v)])), body: Buffer.concat(chunks).toString('utf8') }),
        )
      })
      req.on('timeout', () => req.destroy(new Error('wechatpay request timed out')))
      req.on('error', reject)
      req.end(body)
    })

/**
 * WeChat Pay 分账 over API v3, as a 普通商户 (direct merchant): the property company's merchant account
 * splits to each merchant's account (receiver type MERCHANT_ID, added beforehand in the merchant platform).
 * Each request is signed WECHATPAY2-SHA256-RSA2048 over "METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY\n"; each answer
 * is verified against the WeChat Pay public key before it is believed. A 404 on a query means WeChat Pay
 * never received the request (null: the reconcile timer sends it again with the same number).
 * Not yet exercised against a live merchant account (docs/merchants.md, "Production adapter").
 */
export function createWechatProfitSharing(config: WechatPayV3Config, send: HttpSend = httpsSend(config.host ?? WECHATPAY_V3_HOST)): ProfitSharing {
  const call = async <K extends ProfitSharingApi>(api: K, path: string, payload?: object): Promise<ProfitSharingAnswer<K> | null> => {
    const { method } = PROFIT_SHARING_V3[api]
    const body = v3Body(payload)
    const timestamp = Math.floor(Date.now() / 1000).toString()
    const nonce = randomBytes(16).toString('hex')
    const signature = createSign('RSA-SHA256').update(`${method}\n${path}\n${timestamp}\n${nonce}\n${body}\n`).sign(config.privateKey, 'base64')
    const res = await send(method, path, {
      Authorization: `WECHATPAY2-SHA256-RSA2048 mchid="${config.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${config.serialNo}"`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Wechatpay-Serial': config.publicKeyId,
      'User-Agent': 'wuye-community/merchants',
    }, body)
    if (method === 'GET' && res.status === 404) return null
    verifyAnswer(config, res)
    if (res.status < 200 || res.status >= 300) {
      const err = safeJson(res.body) as { code?: string; message?: string } | null
      // 4xx with a business code: WeChat read the request and refused it; the same request will be refused again.
      if (res.status >= 400 && res.status < 500 && res.status !== 429 && err?.code) throw new ProfitSharingRefused(err.code, err.message ?? '')
      throw new Error(`wechatpay ${path.split('?')[0]} ${res.status} ${err?.code ?? ''} ${err?.message ?? ''}`.trim())
    }
    return safeJson(res.body) as ProfitSharingAnswer<K>
  }
  return {
    addReceiver: async (req) => (await call('addReceiver', PROFIT_SHARING_V3.addReceiver.path, encryptReceiverName(req, config.publicKey)))!,
    createOrder: async (req) => (await call('createOrder', PROFIT_SHARING_V3.createOrder.path, req))!,
    queryOrder: (outOrderNo, transactionId) => call('queryOrder', PROFIT_SHARING_V3.queryOrder.path(outOrderNo, transactionId)),
    createReturn: async (req) => (await call('createReturn', PROFIT_SHARING_V3.createReturn.path, req))!,
    queryReturn: (outReturnNo, outOrderNo) => call('queryReturn', PROFIT_SHARING_V3.queryReturn.path(outReturnNo, outOrderNo)),
  }
}

/**
 * The receiver's name is personal/business data: v3 wants it encrypted with the WeChat Pay public key
 * (RSA-OAEP, SHA-1 as the API specifies), base64, with that key's id in the Wechatpay-Serial header (which
 * every request of this adapter carries).
 */
export function encryptReceiverName(req: AddReceiverRequest, publicKeyPem: string): AddReceiverRequest {
  if (!req.name) return req
  const name = publicEncrypt({ key: publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(req.name, 'utf8')).toString('base64')
  return { ...req, name }
}

function verifyAnswer(config: WechatPayV3Config, res: { headers: Record<string, string>; body: string; status: number }) {
  const ts = res.headers['wechatpay-timestamp']
  const nonce = res.headers['wechatpay-nonce']
  const sig = res.headers['wechatpay-signature']
  if (!ts || !nonce || !sig) throw new Error(`wechatpay answer ${res.status} without a signature`)
  const ok = createVerify('RSA-SHA256').update(`${ts}\n${nonce}\n${res.body}\n`).verify(config.publicKey, sig, 'base64')
  if (!ok) throw new Error('wechatpay answer signature does not verify')
}

function safeJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return null
  }
}

/** From the function's env; a missing key fails the first call with a clear message, not the cold start. */
export function wechatProfitSharingFromEnv(env: Readonly<Record<string, string | undefined>>): ProfitSharing {
  const need = ['WECHATPAY_MCHID', 'WECHATPAY_SERIAL_NO', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_PUBLIC_KEY_ID', 'WECHATPAY_PUBLIC_KEY'] as const
  const missing = need.filter((k) => !env[k])
  if (missing.length) {
    const fail = async (): Promise<never> => {
      throw new Error(`profit sharing is not configured: ${missing.join(', ')} missing`)
    }
    return { addReceiver: fail, createOrder: fail, queryOrder: fail, createReturn: fail, queryReturn: fail }
  }
  const pem = (v: string) => v.replace(/\\n/g, '\n')
  return createWechatProfitSharing({ mchid: env.WECHATPAY_MCHID!, serialNo: env.WECHATPAY_SERIAL_NO!, privateKey: pem(env.WECHATPAY_PRIVATE_KEY!), publicKeyId: env.WECHATPAY_PUBLIC_KEY_ID!, publicKey: pem(env.WECHATPAY_PUBLIC_KEY!) })
}
