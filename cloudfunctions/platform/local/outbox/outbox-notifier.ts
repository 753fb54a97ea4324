import type { Db } from '@cloudbase/database'
import type { Notifier, SendOutcome, SubscribeMessage } from '../../../core/kernel/ports/notifier.port'
import { defineIndexes } from '../../../core/kernel/indexes'
import { isDuplicateKey, must } from '../../../core/kernel/db-result'

/** Local only: what would have been sent to WeChat, newest last. Never deployed. */
export const OUTBOX_COLLECTION = 'dev_outbox'

export const OUTBOX_INDEXES = defineIndexes({ collection: OUTBOX_COLLECTION, fields: ['toOpenid'] })

export interface OutboxDoc {
  _id: string
  toOpenid: string
  template: string
  page: string | null
  data: Record<string, string>
  sentAt: Date
}

/**
 * The Notifier of the local world: every subscribe message lands in the dev_outbox collection, which the
 * dev UI (GET /dev/outbox) and the tests read. The dedupeKey is the document id, so even a caller that
 * bypassed notify() could not make the outbox show a message twice.
 */
export function createOutboxNotifier(db: Db, now: () => Date): Notifier {
  return {
    async send(message: SubscribeMessage): Promise<SendOutcome> {
      const doc: OutboxDoc = {
        _id: message.dedupeKey,
        toOpenid: message.toOpenid,
        template: message.template,
        page: message.page ?? null,
        data: message.data,
        sentAt: now(),
      }
      try {
        must(await db.collection(OUTBOX_COLLECTION).add(doc))
      } catch (e) {
        if (isDuplicateKey(e)) return { status: 'sent', detail: 'already in outbox' }
        throw e
      }
      return { status: 'sent' }
    },
  }
}
