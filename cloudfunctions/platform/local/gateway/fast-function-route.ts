import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FnReply } from '../../../contracts/envelope'
import type { Platform } from '../../../core/kernel/platform'
import { ERROR_MESSAGES } from '../../../contracts/errors/base'
import { BODY_LIMIT_BYTES, invalidJsonReply } from './gateway-errors'
import { callFunctionAsUser } from './function-call'

const ROUTE = /^\/fn\/([^/?#]+)$/
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i
/** body-parser's strict mode: a JSON body must be an object or an array. */
const STRICT_FIRST = /^[\x20\x09\x0a\x0d]*[{[]/

/**
 * The gateway's hot route served without Express: `POST /fn/<name>` with a plain UTF-8 JSON body of a
 * declared length within the limit — what the H5 app always sends. Express's router, its request and
 * response decoration and body-parser cost about 0.2 ms of CPU per call (3–4× the bare node:http work;
 * measured in docs/benchmarks.md, third pass), which is most of a flash-sale refusal. Anything else — another
 * route, a compressed or chunked body, another charset, an over-long declared length — returns false and
 * Express handles it exactly as before, with the same error replies (tests/functions/gateway-hostile-bodies
 * and tests/functions/gateway-fast-route.test.ts pin that both paths answer alike).
 */
export function fastFunctionRoute(platform: Platform): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'POST' || !req.url) return false
    const route = ROUTE.exec(req.url)
    if (!route) return false
    const type = req.headers['content-type']
    const length = Number(req.headers['content-length'])
    if (!type || !JSON_TYPE.test(type) || req.headers['content-encoding'] !== undefined) return false
    if (req.headers['transfer-encoding'] !== undefined || !Number.isInteger(length) || length < 0 || length > BODY_LIMIT_BYTES) return false
    const name = safeDecode(route[1])
    if (name === null) return false
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = parseStrictJson(Buffer.concat(chunks).toString('utf8'))
      const reply: Promise<FnReply> = body === INVALID ? Promise.resolve(invalidJsonReply()) : callFunctionAsUser(platform, name, req.headers['x-dev-openid'], body)
      reply.then(
        (r) => send(res, r),
        () => send(res, { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }),
      )
    })
    // A client that goes away mid-body gets no answer, as with Express.
    req.on('error', () => undefined)
    return true
  }
}

const INVALID = Symbol('invalid-json')

/** A malformed %-escape in the path is Express's to answer, never a throw here. */
function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/** As express.json() reads a body: a BOM is dropped, an empty body is {}, anything but an object or array is refused. */
function parseStrictJson(text: string): unknown {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (t.length === 0) return {}
  if (!STRICT_FIRST.test(t)) return INVALID
  try {
    return JSON.parse(t)
  } catch {
    return INVALID
  }
}

function send(res: ServerResponse, reply: FnReply): void {
  const body = JSON.stringify(reply)
  res.statusCode = 200
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(body))
  res.end(body)
}
