import { DomainError } from '../kernel/domain-error'
import { REPAIR_ERROR_MESSAGES } from '../../contracts/errors/repairs'
import { IMAGE_TYPES, type FileRules } from '../storage'
import { WINDOW_HORIZON_MS } from './repair-time'

/** Photos of a problem or of finished work: images under repairs/, at most 9, 5 MB each (phones compress to ~1–3 MB). */
export const REPAIR_PHOTO_RULES: FileRules = { folder: 'repairs/', maxBytes: 5 * 1024 * 1024, contentTypes: IMAGE_TYPES, maxCount: 9 }

const MAX_WINDOW_MS = 24 * 3600_000

/** A preferred or promised visit window: ends after it starts and after now, spans ≤ 24 h, within 30 days. */
export function parseWindow(win: { start: string; end: string }, now: Date): { start: Date; end: Date } {
  const start = new Date(win.start)
  const end = new Date(win.end)
  const ok = end > start && end > now && end.getTime() - start.getTime() <= MAX_WINDOW_MS && end.getTime() - now.getTime() <= WINDOW_HORIZON_MS
  if (!ok) throw new DomainError('REPAIR.BAD_TIME_WINDOW', REPAIR_ERROR_MESSAGES['REPAIR.BAD_TIME_WINDOW'])
  return { start, end }
}
