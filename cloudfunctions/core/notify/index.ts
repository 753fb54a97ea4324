import { defineArea } from '../kernel/area'
import { NOTIFY_INDEXES, NOTIFY_LOG_COLLECTION } from './notify.service'

/** Subscribe messages sent at most once per key (the log that dedupes them). */
export const notifyArea = defineArea({
  name: 'notify',
  collections: [NOTIFY_LOG_COLLECTION],
  indexes: NOTIFY_INDEXES,
  errors: {},
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { notify, notifyAll, thing } from './notify.service'
