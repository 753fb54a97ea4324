import type { FnReply } from '../../../contracts/envelope'
import type { Platform } from '../../../core/kernel/platform'
import { asUser, invokeLocal } from '../invoke-local'

const OPENID_PATTERN = /^[A-Za-z0-9_-]{3,64}$/

/**
 * `POST /fn/<name>`: callFunction as the persona named by the `x-dev-openid` header (what WeChat would put in
 * WX_OPENID). One body for the Express route and the fast route, so both answer alike. The event was just
 * parsed from the request's JSON, so it needs no second JSON round trip.
 */
export function callFunctionAsUser(platform: Platform, name: string, openidHeader: string | string[] | undefined, body: unknown): Promise<FnReply> {
  const openid = typeof openidHeader === 'string' ? openidHeader : undefined
  if (!openid || !OPENID_PATTERN.test(openid)) return Promise.resolve({ ok: false, code: 'AUTH.UNAUTHENTICATED', message: '请先选择体验身份' })
  return invokeLocal(platform, name, body, asUser(openid), { fromJson: true })
}
