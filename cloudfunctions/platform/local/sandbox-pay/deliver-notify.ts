import type { WechatNotifyReply } from '../../../contracts/paycallback.contract'
import type { Platform } from '../../../core/kernel/platform'
import { toWechatReply, wrapNotify } from '../../../contracts/paycallback-envelope'

/**
 * What CloudBase does when WeChat Pay calls back: invoke the `paycallback` function with the bare notify
 * and no user identity. Loaded lazily so creating a local platform does not pull in every function.
 */
export async function deliverNotifyLocally(platform: Platform, payload: Record<string, unknown>): Promise<WechatNotifyReply> {
  const { invokeLocal, asConsole } = await import('../invoke-local')
  // JSON round trip: the callback receives data, never live objects of the sandbox.
  return toWechatReply(await invokeLocal(platform, 'paycallback', wrapNotify(JSON.parse(JSON.stringify(payload))), asConsole))
}
