import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { notify } from '../notify'
import { pickTechnician } from './dispatch.service'
import { technicianCard } from './repair-notifications'
import { RESPOND_SLA_MS } from './repair-time'
import { REPAIR_COLLECTIONS, type TicketDoc } from './repair.model'
import { applyTransition } from './transition.service'

/** Open work a technician holds; in_progress tickets cannot be moved by the state machine, so they are flagged. */
const HELD = ['assigned', 'accepted', 'in_progress'] as const

/**
 * A technician left the staff: their access ends at once (the runtime only sees active staff), and no
 * resident is left waiting on them. Tickets not yet started go to the next available technician of the
 * grid, as automatic dispatch would; the rest (work already started, or nobody available) are put in
 * front of the grid's steward with a card, to reassign by hand. Safe to run again: a moved ticket no
 * longer names the departed technician, and the steward's card is sent once per ticket revision.
 */
export async function handOverTickets(platform: Platform, communityId: string, technicianOpenid: string): Promise<{ reassigned: number; flagged: number }> {
  const db = platform.db
  const held = must(
    await db.collection(REPAIR_COLLECTIONS.tickets).where({ communityId, assigneeOpenid: technicianOpenid, status: db.command.in([...HELD]) }).limit(1000).get(),
  ).data as TicketDoc[]
  let reassigned = 0
  let flagged = 0
  for (const ticket of held) {
    const now = platform.clock.now()
    const next = ticket.status === 'in_progress' ? null : await pickTechnician(db, communityId, ticket.gridId, now)
    if (next) {
      await applyTransition(platform, {
        ticket,
        name: 'reassign',
        by: 'system',
        note: '原维修师傅已离岗，系统自动改派',
        set: { assigneeOpenid: next._id, assigneeStaffId: next.staffId, assigneeName: next.name, promisedStart: null, promisedEnd: null, slaWatch: 'respond', respondDueAt: new Date(now.getTime() + RESPOND_SLA_MS), arriveDueAt: null },
      })
      reassigned += 1
    } else {
      if (ticket.stewardOpenid) await notify(platform, technicianCard(ticket, ticket.stewardOpenid, '原师傅已离岗，请尽快改派', ticket.rev, now))
      flagged += 1
    }
  }
  return { reassigned, flagged }
}
