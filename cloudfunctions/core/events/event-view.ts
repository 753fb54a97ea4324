import type { EventCard } from '../../contracts/events.contract'
import { waitingOf, type EventDoc, type SignupDoc } from './event.model'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

/** Check-in opens this long before the start and closes this long after the end (people come early, stay late). */
export const CHECK_IN_EARLY_MS = 60 * 60_000
export const CHECK_OUT_LATE_MS = 3 * 60 * 60_000

export function phaseOf(event: Pick<EventDoc, 'status' | 'startsAt' | 'endsAt'>, now: Date): EventCard['phase'] {
  if (event.status === 'cancelled') return 'cancelled'
  const t = now.getTime()
  if (t < new Date(event.startsAt).getTime()) return 'upcoming'
  if (t < new Date(event.endsAt).getTime()) return 'live'
  return 'ended'
}

export function eventBaseView(event: Omit<EventDoc, 'holders'> & { holders?: string[] }, now: Date) {
  return {
    eventId: event._id,
    kind: event.kind,
    title: event.title,
    category: event.category,
    venue: event.venue,
    description: event.description,
    startsAt: iso(event.startsAt)!,
    endsAt: iso(event.endsAt)!,
    signupLimit: event.signupLimit,
    signedUp: event.signedUp,
    waiting: waitingOf(event).length,
    buildingNames: event.buildingNames,
    status: event.status,
    phase: phaseOf(event, now),
  }
}

/**
 * The household's standing. The event document decides signed / waiting (its arrays change by conditional
 * updates; the sign-up document follows, and may lag a crash behind until the timer finishes it).
 */
export function mySignupView(event: Partial<Pick<EventDoc, 'holders' | 'waiting'>>, signup: SignupDoc | null, householdId: string | null) {
  const hid = signup?.householdId ?? householdId
  const position = hid ? waitingOf(event).indexOf(hid) : -1
  // Lists read events without `holders` (up to 2000 ids each): there the sign-up document answers.
  const holds = event.holders ? !!hid && event.holders.includes(hid) : signup?.status === 'signed'
  const status = holds ? 'signed' : position >= 0 ? 'waiting' : signup?.status === 'cancelled' ? 'cancelled' : signup?.status === 'signed' ? 'cancelled' : 'none'
  const active = status === 'signed' && !!signup
  return {
    status,
    householdId: hid,
    waitPosition: position >= 0 ? position + 1 : null,
    cancelledByEvent: signup?.cancelledBy === 'event',
    checkInAt: active ? iso(signup!.checkInAt) : null,
    checkOutAt: active ? iso(signup!.checkOutAt) : null,
    dwellMinutes: active ? signup!.dwellMinutes : null,
  } as const
}

export function eventCard(event: Omit<EventDoc, 'holders'> & { holders?: string[] }, signup: SignupDoc | null, householdId: string | null, now: Date): EventCard {
  return { ...eventBaseView(event, now), mine: mySignupView(event, signup, householdId) }
}
