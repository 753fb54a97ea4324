import { defineArea } from '../kernel/area'
import { EVENT_ERROR_MESSAGES } from '../../contracts/errors/events'
import { EVENT_COLLECTIONS, EVENT_INDEXES } from './event.model'

/** 线下活动 (服务体验会, 社区活动): sign-up, check-in/out by rotating code, dwell; and 活动费用 with write-off, 分摊 and ROI. */
export const eventsArea = defineArea({
  name: 'events',
  collections: Object.values(EVENT_COLLECTIONS),
  indexes: EVENT_INDEXES,
  errors: EVENT_ERROR_MESSAGES,
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { reportAttendance } from './report-attendance'
export { splitByWeights } from './allocation'
