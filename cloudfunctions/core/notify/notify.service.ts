import type { Platform } from '../kernel/platform'
import { defineIndexes } from '../kernel/indexes'
import { isDuplicateKey, must } from '../kernel/db-result'
import { notifierOf, type SendOutcome, type SubscribeMessage } from '../kernel/ports/notifier.port'

export const NOTIFY_LOG_COLLECTION = 'notify_log'
/** Old log rows may be purged (TTL index in the console); duplicates are only a risk within minutes. */
const KEEP_MS = 30 * 86400_000

export const NOTIFY_INDEXES = defineIndexes({ collection: NOTIFY_LOG_COLLECTION, fields: ['expireAt'] })

/** duplicate: this key was handled before; unclaimed: nothing happened (the log was unreachable), safe to retry later. */
export type NotifyResult = SendOutcome | { status: 'duplicate' } | { status: 'unclaimed'; detail: string }

/**
 * Sends one subscribe message at most once per dedupeKey, and never throws: a notification is a side
 * effect of a state change that has already been committed, so its failure is logged, not propagated.
 * The claim is written before sending, so a crash after the send cannot cause a second card to the user;
 * the price is that a crash between claim and send loses that one message (at-most-once, by choice:
 * WeChat subscriptions are one-shot and a duplicate would burn the user's next one).
 */
export async function notify(platform: Platform, message: SubscribeMessage): Promise<NotifyResult> {
  const log = platform.db.collection(NOTIFY_LOG_COLLECTION)
  const now = platform.clock.now()
  try {
    must(
      await log.add({
        _id: message.dedupeKey,
        toOpenid: message.toOpenid,
        template: message.template,
        status: 'sending',
        createdAt: now,
        expireAt: new Date(now.getTime() + KEEP_MS),
      }),
    )
  } catch (e) {
    if (isDuplicateKey(e)) return { status: 'duplicate' }
    platform.logger.warn('notify.log_failed', { template: message.template, errorMessage: (e as Error).message })
    return { status: 'unclaimed', detail: (e as Error).message }
  }
  let outcome: SendOutcome
  try {
    outcome = await notifierOf(platform).send(message)
  } catch (e) {
    outcome = { status: 'failed', detail: (e as Error).message }
  }
  if (outcome.status === 'failed') platform.logger.warn('notify.send_failed', { template: message.template, detail: outcome.detail })
  try {
    must(await log.doc(message.dedupeKey).update({ status: outcome.status, sentAt: platform.clock.now() }))
  } catch (e) {
    platform.logger.warn('notify.log_update_failed', { template: message.template, errorMessage: (e as Error).message })
  }
  return outcome
}

/**
 * Several messages, one after another (each with its own key). `sent` reached WeChat; `unclaimed` were not
 * even attempted — a caller that must deliver (a timer's pending alert) keeps its marker and retries those.
 */
export async function notifyAll(platform: Platform, messages: SubscribeMessage[]): Promise<{ sent: number; unclaimed: number }> {
  const out = { sent: 0, unclaimed: 0 }
  for (const m of messages) {
    const r = await notify(platform, m)
    if (r.status === 'sent') out.sent += 1
    if (r.status === 'unclaimed') out.unclaimed += 1
  }
  return out
}

/** WeChat's "thing" fields take at most 20 characters; longer text is refused (47003), so trim first. */
export function thing(text: string, max = 20): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}
