import { EVENT_KIND_LABELS, type EventCard } from '@contracts/events.contract'
import { shanghaiParts } from '@/services/format'

export { EVENT_KIND_LABELS }

export const EVENTS_URL = {
  list: '/packages/events/pages/index/index',
  detail: (id: string) => `/packages/events/pages/detail/index?eventId=${encodeURIComponent(id)}`,
  scan: (id: string) => `/packages/events/pages/scan/index?eventId=${encodeURIComponent(id)}`,
  manage: '/packages/events/pages/manage/index',
  create: '/packages/events/pages/create/index',
  edit: (id: string) => `/packages/events/pages/create/index?eventId=${encodeURIComponent(id)}`,
  cancel: (id: string) => `/packages/events/pages/cancel/index?eventId=${encodeURIComponent(id)}`,
  roiSettings: '/packages/events/pages/roi-settings/index',
  live: (id: string) => `/packages/events/pages/live/index?eventId=${encodeURIComponent(id)}`,
  costs: '/packages/events/pages/costs/index',
  costNew: '/packages/events/pages/cost-new/index',
  roi: '/packages/events/pages/roi/index',
}

export const PHASE_LABELS: Record<EventCard['phase'], string> = { upcoming: '报名中', live: '进行中', ended: '已结束', cancelled: '已取消' }

const p2 = (n: number) => String(n).padStart(2, '0')
const WEEK = ['日', '一', '二', '三', '四', '五', '六']

/** "12月5日 周六 19:00–21:00" in Beijing time; the end date is named when it is another day. */
export function eventWhen(startsAt: string, endsAt: string): string {
  const s = shanghaiParts(startsAt)
  const e = shanghaiParts(endsAt)
  const week = WEEK[new Date(Date.UTC(s.y, s.m - 1, s.d)).getUTCDay()]
  const sameDay = s.y === e.y && s.m === e.m && s.d === e.d
  return `${s.m}月${s.d}日 周${week} ${p2(s.h)}:${p2(s.min)}–${sameDay ? '' : `${e.m}月${e.d}日 `}${p2(e.h)}:${p2(e.min)}`
}

/** "1小时22分" */
export function dwellText(minutes: number): string {
  const h = Math.floor(minutes / 60)
  return h > 0 ? `${h}小时${minutes % 60}分` : `${minutes}分钟`
}

export function placesText(e: Pick<EventCard, 'signupLimit' | 'signedUp' | 'waiting'>): string {
  const left = Math.max(0, e.signupLimit - e.signedUp)
  if (left > 0) return `已报 ${e.signedUp}/${e.signupLimit} 户 · 剩 ${left} 个名额`
  return e.waiting > 0 ? `${e.signupLimit} 个名额已满 · ${e.waiting} 户候补` : `${e.signupLimit} 个名额已满`
}
