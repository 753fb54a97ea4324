import type { CampaignCard } from '@contracts/groupbuy.contract'

import { yuan } from '@/services/format'

export { yuan }

export const detailUrl = (campaignId: string, stewardId?: string | null) =>
  `/packages/groupbuy/pages/detail/index?campaignId=${campaignId}${stewardId ? `&stewardId=${stewardId}` : ''}`
export const MY_ORDERS_URL = '/packages/groupbuy/pages/orders/index'
export const confirmUrl = (campaignId: string, stewardId?: string | null) =>
  `/packages/groupbuy/pages/confirm/index?campaignId=${campaignId}${stewardId ? `&stewardId=${stewardId}` : ''}`
export const orderUrl = (orderId: string, stewardId?: string | null) => `/packages/groupbuy/pages/order/index?orderId=${orderId}${stewardId ? `&stewardId=${stewardId}` : ''}`

/** The share card's title: price and how many households are still missing. */
export const shareTitle = (c: { title: string; priceFromFen: number; missing: number }) =>
  `${c.title}｜${yuan(c.priceFromFen)}起，${c.missing > 0 ? `还差 ${c.missing} 户成团` : '已成团'}`

/** The link a poster's QR carries: the H5 page locally, the mini-program path otherwise (a mini-program code in production). */
export function shareLink(campaignId: string, stewardId: string | null): string {
  const path = detailUrl(campaignId, stewardId)
  if (process.env.TARO_ENV === 'h5' && typeof location !== 'undefined') return `${location.origin}${location.pathname}#${path}`
  return path
}
export const PICKUP_URL = '/packages/groupbuy/pages/pickup/index'
export const MANAGE_URL = '/packages/groupbuy/pages/manage/index'
export const CREATE_URL = '/packages/groupbuy/pages/create/index'
export const POLL_NEW_URL = '/packages/groupbuy/pages/poll-new/index'
export const POLLS_URL = '/packages/groupbuy/pages/polls/index'

/** "已有 3 户参团，差 7 户成团" — the line residents judge a group buy by. */
export function progressText(c: Pick<CampaignCard, 'participants' | 'missing' | 'outcome' | 'status'>): string {
  if (c.outcome === 'formed') return `已成团 · ${c.participants} 户参团`
  if (c.outcome === 'failed') return `未成团 · 已全额退款`
  return c.missing > 0 ? `已有 ${c.participants} 户参团，差 ${c.missing} 户成团` : `已有 ${c.participants} 户参团，已成团`
}

export function progressRatio(c: Pick<CampaignCard, 'participants' | 'minParticipants'>): number {
  return Math.min(1, c.participants / Math.max(1, c.minParticipants))
}

/** "2天 03:12:45", "03:12:45", or null once the deadline has passed. */
export function countdownText(msLeft: number): string | null {
  if (msLeft <= 0) return null
  const s = Math.floor(msLeft / 1000)
  const days = Math.floor(s / 86400)
  const p = (n: number) => String(n).padStart(2, '0')
  const clock = `${p(Math.floor((s % 86400) / 3600))}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`
  return days > 0 ? `${days}天 ${clock}` : clock
}

/** "11月23日 09:00–19:00" in Beijing time (pickup windows are local to the community). */
export function windowText(startsAt: string, endsAt: string): string {
  const f = (iso: string) => {
    const d = new Date(Date.parse(iso) + 8 * 3600_000)
    const p = (n: number) => String(n).padStart(2, '0')
    return { day: `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`, time: `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}` }
  }
  const a = f(startsAt)
  const b = f(endsAt)
  return a.day === b.day ? `${a.day} ${a.time}–${b.time}` : `${a.day} ${a.time} – ${b.day} ${b.time}`
}

/** Spaced for reading aloud at the pickup point: "1234 5678". */
export const spacedCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`

/** Relative URLs (the local gateway's temp links) need the gateway origin on H5; others are used as given. */
export const imageSrc = (url: string) => (url.startsWith('/') ? `${FN_GATEWAY}${url}` : url)
