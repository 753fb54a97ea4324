import type { Db } from '@cloudbase/database'
import { defineIndexes } from '../kernel/indexes'
import { isDuplicateKey, must } from '../kernel/db-result'
import type { SubscribeMessage } from '../kernel/ports/notifier.port'
import { inboxBody, inboxTitle } from './inbox-text'

/**
 * 消息中心: one row per message the backend sends a person (the same records that become WeChat
 * subscribe messages), keyed by the message's dedupeKey so a message is in the inbox at most once.
 */
export const INBOX_COLLECTION = 'inbox_messages'
/** A person's inbox keeps 90 days (TTL index on expireAt in the console). */
const KEEP_MS = 90 * 86400_000
const UNREAD_CAP = 99

export const INBOX_INDEXES = defineIndexes(
  { collection: INBOX_COLLECTION, fields: ['toOpenid', 'createdAt'] },
  { collection: INBOX_COLLECTION, fields: ['toOpenid', 'read'] },
  { collection: INBOX_COLLECTION, fields: ['expireAt'] },
)

export interface InboxDoc {
  _id: string
  toOpenid: string
  template: string
  title: string
  body: string
  /** Mini-program page the message opens (no leading slash, as WeChat takes it). */
  page: string | null
  read: boolean
  createdAt: Date
  readAt: Date | null
  expireAt: Date
}

/** Writes the inbox row for a message; a repeat of the same key changes nothing. Never throws. */
export async function recordInbox(db: Db, message: SubscribeMessage, now: Date): Promise<'stored' | 'duplicate' | 'failed'> {
  const doc: InboxDoc = {
    _id: message.dedupeKey,
    toOpenid: message.toOpenid,
    template: message.template,
    title: inboxTitle(message.template),
    body: inboxBody(message.data),
    page: message.page ?? null,
    read: false,
    createdAt: now,
    readAt: null,
    expireAt: new Date(now.getTime() + KEEP_MS),
  }
  try {
    must(await db.collection(INBOX_COLLECTION).add(doc))
    return 'stored'
  } catch (e) {
    return isDuplicateKey(e) ? 'duplicate' : 'failed'
  }
}

export interface InboxItem {
  id: string
  title: string
  body: string
  page: string | null
  read: boolean
  createdAt: string
}

/** Newest first, a page at a time, with the unread count (capped: a badge shows 99+). */
export async function listInbox(db: Db, openid: string, offset: number, limit: number) {
  const coll = db.collection(INBOX_COLLECTION)
  const [rows, unread] = await Promise.all([
    coll.where({ toOpenid: openid }).orderBy('createdAt', 'desc').skip(offset).limit(limit + 1).get(),
    coll.where({ toOpenid: openid, read: false }).count(),
  ])
  const docs = must(rows).data as InboxDoc[]
  const items: InboxItem[] = docs.slice(0, limit).map((d) => ({ id: d._id, title: d.title, body: d.body, page: d.page, read: d.read, createdAt: new Date(d.createdAt).toISOString() }))
  return { items, hasMore: docs.length > limit, unread: Math.min(must(unread).total, UNREAD_CAP + 1) }
}

/** Marks the given messages (or all of the caller's) read; only the caller's own rows can change. */
export async function markInboxRead(db: Db, openid: string, ids: string[] | 'all', now: Date): Promise<{ updated: number }> {
  const _ = db.command
  const where = ids === 'all' ? { toOpenid: openid, read: false } : { toOpenid: openid, read: false, _id: _.in(ids) }
  const res = must(await db.collection(INBOX_COLLECTION).where(where).update({ read: true, readAt: now }))
  return { updated: (res as { updated?: number }).updated ?? 0 }
}
