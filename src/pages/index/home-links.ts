/** Where the home page's entries lead (pages of the subpackages; the home never imports their code). */
export const HOME_LINKS = {
  bind: '/packages/households/pages/bind/index',
  households: '/packages/households/pages/index/index',
  inbox: '/packages/households/pages/inbox/index',
  notices: '/packages/households/pages/notices/index',
  notice: (id: string) => `/packages/households/pages/notice/index?id=${encodeURIComponent(id)}`,
  fees: '/packages/fees/pages/index/index',
  groupbuy: '/packages/groupbuy/pages/index/index',
  polls: '/packages/groupbuy/pages/polls/index',
  campaign: (id: string) => `/packages/groupbuy/pages/detail/index?campaignId=${encodeURIComponent(id)}`,
  events: '/packages/events/pages/index/index',
  event: (id: string) => `/packages/events/pages/detail/index?eventId=${encodeURIComponent(id)}`,
} as const

/** "早上好" … "晚上好" by the hour in Beijing, whatever the phone's zone. */
export function greeting(now: Date = new Date()): string {
  const h = new Date(now.getTime() + 8 * 3600_000).getUTCHours()
  if (h < 5) return '夜深了'
  if (h < 11) return '早上好'
  if (h < 13) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}
