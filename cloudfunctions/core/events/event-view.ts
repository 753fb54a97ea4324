import type { EventCard } from '../../contracts/events.contract'
import type { EventDoc, SignupDoc } from './event.model'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

/** Check-in opens this long before the start and closes this long after the end (people come early, stay late). */
export const CHECK_IN_EARLY_MS = 60 * 60_000
export const CHECK_OUT_LATE_MS = 3 * 60 * 60_000

export function phaseOf(event: EventDoc, now: Date): EventCard['phase'] {
  if (event.status === 'cancelled') return 'cancelled'
  const t = now.getTime()
  if (t < new Date(event.startsAt).getTime()) return 'upcoming'
  if (t < new Date(event.endsAt).getTime()) return 'live'
  return 'ended'
}

export function eventBaseView(event: EventDoc, now: Date) {
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
    buildingNames: event.buildingNames,
    status: event.status,
    phase: phaseOf(event, now),
  }
}

export function mySignupView(signup: SignupDoc | null, householdId: string | null) {
  const active = signup && signup.status === 'signed'
  return {
    status: signup ? signup.status : ('none' as const),
    householdId: signup?.householdId ?? householdId,
    checkInAt: active ? iso(signup.checkInAt) : null,
    checkOutAt: active ? iso(signup.checkOutAt) : null,
    dwellMinutes: active ? signup.dwellMinutes : null,
  }
}

export function eventCard(event: EventDoc, signup: SignupDoc | null, householdId: string | null, now: Date): EventCard {
  return { ...eventBaseView(event, now), mine: mySignupView(signup, householdId) }
}
