import { z } from 'zod'
import { mutation, query } from './envelope'
import { isoDateTimeSchema, pageSchema } from './common.schemas'

/** A message id is the sender's dedupe key ("repairs:status:…"), so it is wider than a document id. */
const messageIdSchema = z.string().regex(/^[A-Za-z0-9_:.-]{1,160}$/, '消息编号格式不正确')

export const inboxItemSchema = z.object({
  id: messageIdSchema,
  title: z.string(),
  body: z.string(),
  /** The mini-program page the message opens (as WeChat takes it: no leading slash), or null. */
  page: z.string().nullable(),
  read: z.boolean(),
  createdAt: isoDateTimeSchema,
})

/** 消息中心: every notice the backend sent the caller (the same records that become subscribe messages). */
export const householdsInboxActions = {
  inbox: query(
    pageSchema.strict(),
    z.object({ items: z.array(inboxItemSchema), hasMore: z.boolean(), /** capped at 100 ("99+") */ unread: z.number().int().nonnegative() }),
  ),
  /** Mark some messages (or all) read; only the caller's own messages change. */
  inboxRead: mutation(
    z.object({ ids: z.union([z.array(messageIdSchema).min(1).max(50), z.literal('all')]) }).strict(),
    z.object({ updated: z.number().int().nonnegative() }),
  ),
}

export type InboxItem = z.infer<typeof inboxItemSchema>
