import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/** Business time is Beijing time whatever zone the function runs in (CloudBase runs in UTC). */
export const BUSINESS_TZ = 'Asia/Shanghai'

/** Respond = a technician accepts the ticket. */
export const RESPOND_SLA_MS = 30 * 60_000
/** When the resident gave no preferred time, the technician promises to be there within this. */
export const DEFAULT_ARRIVAL_MS = 2 * 3600_000
/** A preferred or promised window must end within this horizon. */
export const WINDOW_HORIZON_MS = 30 * 86400_000

export function monthKey(at: Date): string {
  return dayjs(at).tz(BUSINESS_TZ).format('YYYY-MM')
}

/** "11-22 14:00" for notification cards. */
export function shortTime(at: Date): string {
  return dayjs(at).tz(BUSINESS_TZ).format('MM-DD HH:mm')
}

/** "2026-11-22 14:00" — the format WeChat's time fields take. */
export function cardTime(at: Date): string {
  return dayjs(at).tz(BUSINESS_TZ).format('YYYY-MM-DD HH:mm')
}

export function windowLabel(start: Date, end: Date): string {
  const s = dayjs(start).tz(BUSINESS_TZ)
  const e = dayjs(end).tz(BUSINESS_TZ)
  return s.isSame(e, 'day') ? `${s.format('MM-DD HH:mm')}–${e.format('HH:mm')}` : `${s.format('MM-DD HH:mm')}–${e.format('MM-DD HH:mm')}`
}
