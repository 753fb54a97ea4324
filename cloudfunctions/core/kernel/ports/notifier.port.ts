import type { Platform } from '../platform'
import { requirePort } from '../platform'

/**
 * The Notifier port: WeChat subscribe messages (订阅消息). Any area may use it (repairs, fees reminders,
 * group-buy results); call it through `notify()` in notify.service.ts, which adds de-duplication and never
 * lets a failed message break the business operation that caused it.
 *
 * Production: subscribeMessage.send through CloudBase's WeChat open API (platform/cloudbase/notifier.cloudbase.ts).
 * Local: an outbox collection the dev UI shows at GET /dev/outbox (platform/local/outbox/).
 */

export interface SubscribeMessage {
  /** Receiver's OPENID. */
  toOpenid: string
  /**
   * Logical template name (e.g. 'repair_status'). The adapter maps it to the WeChat template id configured
   * for the deployment (env var WX_TPL_<NAME>, see templateIdFor) — template ids differ per mini-program.
   */
  template: string
  /** Mini-program page the card opens, with its query (e.g. 'packages/repairs/pages/detail/index?id=…'). */
  page?: string
  /** Template fields by key (thing1, phrase2, time3…); values are plain text, trimmed by the adapter to WeChat's limits. */
  data: Record<string, string>
  /** Same key ⇒ same message: sent at most once (see notify.service.ts). */
  dedupeKey: string
}

/**
 * sent: delivered to WeChat; refused: the user has no subscription left for that template (43101) — normal,
 * not an error; skipped: nothing to send with (no template id configured); failed: anything else.
 */
export type SendOutcome = { status: 'sent' | 'refused' | 'skipped' | 'failed'; detail?: string }

export interface Notifier {
  send(message: SubscribeMessage): Promise<SendOutcome>
}

export function notifierOf(platform: Platform): Notifier {
  return requirePort(platform, 'notifier')
}

/** WX_TPL_REPAIR_STATUS for 'repair_status'. */
export function templateIdFor(env: Readonly<Record<string, string | undefined>>, template: string): string | undefined {
  return env[`WX_TPL_${template.toUpperCase()}`] || undefined
}
