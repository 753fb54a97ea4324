import type { ActionContext } from '../kernel/action-context'
import { must } from '../kernel/db-result'
import { EVENT_COLLECTIONS, type SignupDoc } from './event.model'
import { eventBaseView } from './event-view'
import { leadEvent } from './event-scope'

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

/** 现场签到: the organiser's live view. Sign-ups are capped at the limit (≤ 2000), so one bounded read. */
export async function attendance(ctx: ActionContext, eventId: string) {
  const { event } = await leadEvent(ctx, eventId)
  const rows = must(
    await ctx.platform.db.collection(EVENT_COLLECTIONS.signups).where({ eventId, status: 'signed' }).orderBy('signedAt', 'asc').limit(1000).get(),
  ).data as SignupDoc[]
  const checkedIn = rows.filter((r) => r.checkInAt)
  const out = checkedIn.filter((r) => r.checkOutAt)
  const dwell = out.map((r) => r.dwellMinutes ?? 0)
  // Arrivals first, most recent on top: what the organiser watches at the door.
  const sorted = [...rows].sort((a, b) => new Date(b.checkOutAt ?? b.checkInAt ?? 0).getTime() - new Date(a.checkOutAt ?? a.checkInAt ?? 0).getTime())
  return {
    event: eventBaseView(event, ctx.now()),
    signedUp: rows.length,
    checkedIn: checkedIn.length,
    onSite: checkedIn.length - out.length,
    checkedOut: out.length,
    averageDwellMinutes: dwell.length ? Math.round(dwell.reduce((a, b) => a + b, 0) / dwell.length) : null,
    attendees: sorted.map((r) => ({ householdLabel: r.householdLabel, signedAt: iso(r.signedAt)!, checkInAt: iso(r.checkInAt), checkOutAt: iso(r.checkOutAt), dwellMinutes: r.dwellMinutes })),
  }
}
