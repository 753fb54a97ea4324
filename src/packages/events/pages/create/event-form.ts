import type { ActionInput } from '@contracts/envelope'
import type { eventsContract, EventCategory } from '@contracts/events.contract'
import { shanghaiDate, shanghaiParts } from '@/services/format'

export interface EventForm {
  kind: 'experience' | 'community'
  title: string
  category: EventCategory
  venue: string
  date: string
  start: string
  end: string
  limit: string
  buildingIds: string[]
  description: string
}

export function initialForm(now: Date = new Date()): EventForm {
  return { kind: 'experience', title: '', category: '家电', venue: '', date: shanghaiDate(new Date(now.getTime() + 24 * 3600_000)), start: '14:00', end: '16:00', limit: '30', buildingIds: [], description: '' }
}

/**
 * The form in Beijing wall-clock time → the contract's instants. An end at or before the start is the
 * next morning (an evening event that runs past midnight), so 22:30–01:30 needs no second date picker.
 */
export function toCreateInput(f: EventForm): ActionInput<typeof eventsContract, 'create'> {
  const startsAt = `${f.date}T${f.start}:00+08:00`
  let endsAtMs = Date.parse(`${f.date}T${f.end}:00+08:00`)
  if (endsAtMs <= Date.parse(startsAt)) endsAtMs += 24 * 3600_000
  return {
    kind: f.kind,
    title: f.title.trim(),
    category: f.category,
    venue: f.venue.trim(),
    description: f.description.trim(),
    startsAt,
    endsAt: new Date(endsAtMs).toISOString(),
    signupLimit: Number(f.limit),
    buildingIds: f.buildingIds,
  }
}

const hm = (iso: string) => {
  const p = shanghaiParts(iso)
  return `${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}`
}

/** An existing event back into the form (Beijing wall-clock time), for 编辑活动. */
export function formOf(e: { kind: EventForm['kind']; title: string; category: EventCategory; venue: string; description: string; startsAt: string; endsAt: string; signupLimit: number }): EventForm {
  return { kind: e.kind, title: e.title, category: e.category, venue: e.venue, date: shanghaiDate(e.startsAt), start: hm(e.startsAt), end: hm(e.endsAt), limit: String(e.signupLimit), buildingIds: [], description: e.description }
}

/** The form → the edit action's input (the kind and the buildings in scope do not change). */
export function toEditInput(eventId: string, f: EventForm): ActionInput<typeof eventsContract, 'edit'> {
  const { kind: _kind, buildingIds: _scope, ...rest } = toCreateInput(f)
  return { eventId, ...rest }
}
