import type { Platform } from '../kernel/platform'
import { storageOf } from '../kernel/ports/storage.port'
import type { TicketDetail, TicketSummary } from '../../contracts/repairs.contract'
import { availableActions, REOPEN_WINDOW_MS, type Actor } from './repair-state-machine'
import type { TicketDoc } from './repair.model'

const iso = (d: Date | string) => new Date(d).toISOString()

export function toSummary(t: TicketDoc): TicketSummary {
  return {
    id: t._id,
    status: t.status,
    category: t.category,
    placeLabel: t.placeLabel,
    preview: [...t.description].slice(0, 60).join(''),
    createdAt: iso(t.createdAt),
    overdue: !!t.overdue,
    assigneeName: t.assigneeName,
    photoCount: t.photos.length,
  }
}

function reopenUntil(t: TicketDoc): Date | null {
  return (t.status === 'completed' || t.status === 'rated') && t.completedAt ? new Date(new Date(t.completedAt).getTime() + REOPEN_WINDOW_MS) : null
}

/** The full card, with display URLs for the photos (one storage call) and the buttons this viewer gets. */
export async function toDetail(platform: Platform, t: TicketDoc, actors: readonly Actor[]): Promise<TicketDetail> {
  const now = platform.clock.now()
  const allPhotos = [...t.photos, ...t.completionPhotos]
  const urls = allPhotos.length && platform.ports.storage ? await storageOf(platform).tempUrls(allPhotos, 2 * 3600) : {}
  const photo = (fileId: string) => ({ fileId, url: urls[fileId] ?? null })
  const until = reopenUntil(t)
  const actions = availableActions(t.status, actors).filter((a) => (a === 'reopen' ? !!until && until > now : a === 'rate' ? !t.rating : true))
  return {
    ...toSummary(t),
    description: t.description,
    photos: t.photos.map(photo),
    preferredWindow: t.preferredStart && t.preferredEnd ? { start: iso(t.preferredStart), end: iso(t.preferredEnd) } : null,
    promisedWindow: t.promisedStart && t.promisedEnd ? { start: iso(t.promisedStart), end: iso(t.promisedEnd) } : null,
    respondDueAt: iso(t.respondDueAt),
    completionNote: t.completionNote,
    completionPhotos: t.completionPhotos.map(photo),
    rating: t.rating ? { ...t.rating, at: iso(t.rating.at) } : null,
    reopenUntil: until ? until.toISOString() : null,
    timeline: t.timeline.map((e) => ({ at: iso(e.at), action: e.action, by: e.by, note: e.note ?? null, technicianName: e.technicianName ?? null })),
    viewerActions: actions,
  }
}
