import { REPAIR_STATUS_LABELS, type RepairStatus } from '@contracts/repairs.contract'

import { shanghaiParts as parts, shortTime } from '@/services/format'

export { shortTime }
const SHANGHAI_OFFSET_MS = 8 * 3600_000
const pad = (n: number) => String(n).padStart(2, '0')

/** "11-22 14:00–16:00" (the day once when both ends fall on it). */
export function windowText(w: { start: string; end: string }): string {
  const s = parts(w.start)
  const e = parts(w.end)
  const end = s.m === e.m && s.d === e.d ? `${pad(e.h)}:${pad(e.min)}` : shortTime(w.end)
  return `${shortTime(w.start)}–${end}`
}

export function statusText(status: RepairStatus): string {
  return REPAIR_STATUS_LABELS[status]
}

/** Colour family of a status tag: waiting, moving, done, closed. */
export function statusTone(status: RepairStatus): 'wait' | 'active' | 'done' | 'closed' {
  if (status === 'submitted' || status === 'assigned') return 'wait'
  if (status === 'accepted' || status === 'in_progress') return 'active'
  if (status === 'completed' || status === 'rated') return 'done'
  return 'closed'
}

/** Visit windows a resident can pick without a date picker: computed in Beijing time from now. */
export function quickWindows(now: Date): { key: string; label: string; start: string; end: string }[] {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS)
  const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - SHANGHAI_OFFSET_MS
  const at = (dayOffset: number, hour: number) => new Date(dayStart + dayOffset * 86400_000 + hour * 3600_000).toISOString()
  const options = [
    { key: 'tonight', label: '今天 18:00–21:00', start: at(0, 18), end: at(0, 21) },
    { key: 'tomorrow-am', label: '明天 09:00–12:00', start: at(1, 9), end: at(1, 12) },
    { key: 'tomorrow-pm', label: '明天 14:00–18:00', start: at(1, 14), end: at(1, 18) },
    { key: 'tomorrow-eve', label: '明天 18:00–21:00', start: at(1, 18), end: at(1, 21) },
  ]
  return options.filter((o) => Date.parse(o.end) > now.getTime() + 3600_000)
}

/** Local temp URLs are gateway paths; on an H5 build served from elsewhere they need the gateway's origin. */
export function photoSrc(photo: { fileId: string; url: string | null }): string {
  if (!photo.url) return photo.fileId
  return photo.url.startsWith('/') ? `${FN_GATEWAY}${photo.url}` : photo.url
}
