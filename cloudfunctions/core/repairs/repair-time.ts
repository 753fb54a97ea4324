import { formatBusiness, inBusinessTime } from '../kernel/business-time'

/** Respond = a technician accepts the ticket. */
export const RESPOND_SLA_MS = 30 * 60_000
/** When the resident gave no preferred time, the technician promises to be there within this. */
export const DEFAULT_ARRIVAL_MS = 2 * 3600_000
/** A preferred or promised window must end within this horizon. */
export const WINDOW_HORIZON_MS = 30 * 86400_000

/** The business month (Asia/Shanghai) a ticket counts in. */
export { businessMonth as monthKey } from '../kernel/business-time'

/** "11-22 14:00" for notification cards. */
export function shortTime(at: Date): string {
  return formatBusiness(at, 'MM-DD HH:mm')
}

/** "2026-11-22 14:00" — the format WeChat's time fields take. */
export function cardTime(at: Date): string {
  return formatBusiness(at, 'YYYY-MM-DD HH:mm')
}

export function windowLabel(start: Date, end: Date): string {
  const s = inBusinessTime(start)
  const e = inBusinessTime(end)
  return s.isSame(e, 'day') ? `${s.format('MM-DD HH:mm')}–${e.format('HH:mm')}` : `${s.format('MM-DD HH:mm')}–${e.format('MM-DD HH:mm')}`
}
