import { defineArea } from '../kernel/area'
import { NOTIFY_INDEXES, NOTIFY_LOG_COLLECTION } from './notify.service'
import { INBOX_COLLECTION, INBOX_INDEXES } from './inbox.service'

/** Subscribe messages sent at most once per key (the log that dedupes them), and each person's 消息中心 (inbox). */
export const notifyArea = defineArea({
  name: 'notify',
  collections: [NOTIFY_LOG_COLLECTION, INBOX_COLLECTION],
  indexes: [...NOTIFY_INDEXES, ...INBOX_INDEXES],
  errors: {},
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { notify, notifyAll, thing } from './notify.service'
export { listInbox, markInboxRead, recordInbox } from './inbox.service'
