import type express from 'express'
import type { FnReply } from '../../../contracts/envelope'
import { ERROR_MESSAGES } from '../../../contracts/errors'
import type { Platform } from '../../../core/kernel/platform'

/** The JSON body limit of /fn and /console routes (CloudBase's callFunction payload limit is in this range too). */
export const BODY_LIMIT = '2mb'
/** The same limit in bytes, as body-parser reads '2mb'. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024

function validation(message: string): FnReply<never> {
  return { ok: false, code: 'VALIDATION.FAILED', message: ERROR_MESSAGES['VALIDATION.FAILED'], issues: [{ path: '(root)', message }] }
}

/** The reply to a body that is not a JSON object or array (body-parser's entity.parse.failed). */
export function invalidJsonReply(): FnReply<never> {
  return validation('请求体不是合法 JSON')
}

/** body-parser's error types → what a caller of a function should read instead of Express's HTML page. */
function replyFor(err: { type?: string; encoding?: string }): FnReply<never> | null {
  switch (err?.type) {
    case 'entity.parse.failed':
      return invalidJsonReply()
    case 'entity.too.large':
      return validation('请求体超过 2 MB')
    case 'encoding.unsupported':
      return validation('不支持压缩或编码的请求体（Content-Encoding），请发送未压缩的 JSON')
    case 'charset.unsupported':
      return validation('请求体须为 UTF-8 编码')
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return validation('请求体不完整')
    default:
      return null
  }
}

/**
 * The gateway's last error handler: every failure is answered in the functions' own `{ ok:false, code,
 * message }` shape with HTTP 200 (as callFunction answers; the H5 client reads the code), never with a stack
 * or a file path. Unknown errors are logged by name only and answered INTERNAL.
 */
export function gatewayErrorHandler(platform: Platform): express.ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err)
    const known = replyFor(err as { type?: string })
    if (!known) platform.logger.error('gateway.unexpected', { errorName: (err as Error)?.name, errorType: (err as { type?: string })?.type })
    res.status(200).json(known ?? { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL })
  }
}

/** Unknown API paths answer in the same shape instead of Express's "Cannot POST" page. */
export function apiNotFound(_req: express.Request, res: express.Response): void {
  res.status(404).json({ ok: false, code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND })
}
