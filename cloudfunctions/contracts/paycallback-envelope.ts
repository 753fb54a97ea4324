import type { FnReply } from './envelope'
import type { WechatNotifyReply } from './paycallback.contract'

/** Refund results carry refund fields (flat or under reqInfo); payment results do not. */
export function isRefundNotify(event: Record<string, unknown>): boolean {
  return 'reqInfo' in event || 'outRefundNo' in event || 'refundStatus' in event
}

/**
 * WeChat calls the callback with the bare notify; our functions are routed by action. Wrapping here (and
 * in the local sandbox, which uses this same function) keeps one handler for both worlds.
 */
export function wrapNotify(event: unknown): unknown {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return event
  const e = event as Record<string, unknown>
  if (typeof e.action === 'string') return event
  // userInfo is added by the SDK on some invocations; it is not part of the notify.
  const { userInfo: _userInfo, ...notify } = e
  return { action: isRefundNotify(notify) ? 'refundNotify' : 'payNotify', notify }
}

/** The callback protocol wants { errcode, errmsg }; anything that is not a handled notify asks WeChat to retry. */
export function toWechatReply(reply: FnReply): WechatNotifyReply {
  if (reply.ok) return reply.data as WechatNotifyReply
  return { errcode: 1, errmsg: reply.code }
}
