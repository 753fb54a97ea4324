import type { Platform } from '../kernel/platform'
import { DomainError } from '../kernel/domain-error'
import type { CallerAccess } from '../auth'
import { checkFiles } from '../storage'
import { storageOf } from '../kernel/ports/storage.port'
import { REPAIR_ERROR_MESSAGES } from '../../contracts/errors/repairs'
import { REOPEN_WINDOW_MS, assertFrom, ruleFor, type TransitionName } from './repair-state-machine'
import type { TicketDoc } from './repair.model'
import { loadTicketFor, requireActor } from './ticket-access'
import { applyTransition } from './transition.service'
import { pickTechnician, recordManualTurn, technicianByStaffId } from './dispatch.service'
import { REPAIR_PHOTO_RULES, parseWindow } from './repair-rules'
import { DEFAULT_ARRIVAL_MS, RESPOND_SLA_MS } from './repair-time'
import { REPAIR_TOPICS, repairEvent } from './repair-events'

/** Loads the ticket and checks the caller holds one of the transition's actor roles on it. */
async function prepare(platform: Platform, access: CallerAccess, ticketId: string, name: TransitionName) {
  const { ticket, actors } = await loadTicketFor(platform.db, access, ticketId)
  const by = requireActor(actors, ruleFor(name).actors)
  return { ticket, by }
}

/** Technician takes the ticket and promises a window; the respond clock stops, the arrive clock starts. */
export async function acceptTicket(platform: Platform, access: CallerAccess, ticketId: string, promised?: { start: string; end: string }): Promise<TicketDoc> {
  const { ticket, by } = await prepare(platform, access, ticketId, 'accept')
  const now = platform.clock.now()
  const window = promised
    ? parseWindow(promised, now)
    : ticket.preferredStart && ticket.preferredEnd && ticket.preferredEnd > now
      ? { start: ticket.preferredStart, end: ticket.preferredEnd }
      : { start: now, end: new Date(now.getTime() + DEFAULT_ARRIVAL_MS) }
  return applyTransition(platform, {
    ticket,
    name: 'accept',
    by,
    set: { promisedStart: window.start, promisedEnd: window.end, slaWatch: 'arrive', arriveDueAt: window.end },
  })
}

/** On site: work starts, the arrive clock stops. */
export async function startWork(platform: Platform, access: CallerAccess, ticketId: string): Promise<TicketDoc> {
  const { ticket, by } = await prepare(platform, access, ticketId, 'start')
  return applyTransition(platform, { ticket, name: 'start', by, set: { slaWatch: null } })
}

export async function completeTicket(platform: Platform, access: CallerAccess, ticketId: string, note: string, photos: string[]): Promise<TicketDoc> {
  const { ticket, by } = await prepare(platform, access, ticketId, 'complete')
  await checkFiles(storageOf(platform), photos, REPAIR_PHOTO_RULES)
  const now = platform.clock.now()
  // The completion commits with its repair.completed event: one fact per completion (a reopened ticket
  // completed again is another one).
  return applyTransition(platform, {
    ticket,
    name: 'complete',
    by,
    note,
    set: { completionNote: note, completionPhotos: photos, completedAt: now, slaWatch: null, overdue: false },
    event: (after, at) => repairEvent(REPAIR_TOPICS.completed, after, at),
  })
}

export async function cancelTicket(platform: Platform, access: CallerAccess, ticketId: string, reason?: string): Promise<TicketDoc> {
  const { ticket, by } = await prepare(platform, access, ticketId, 'cancel')
  return applyTransition(platform, { ticket, name: 'cancel', by, note: reason, set: { slaWatch: null, overdue: false } })
}

/**
 * Within 7 days of completion the resident can reopen: back to the same technician when they are
 * available, else the next in the round robin (else still the same one, for the steward to reassign).
 */
export async function reopenTicket(platform: Platform, access: CallerAccess, ticketId: string, reason: string): Promise<TicketDoc> {
  const { ticket, by } = await prepare(platform, access, ticketId, 'reopen')
  const now = platform.clock.now()
  assertFrom('reopen', ticket.status)
  if (!ticket.completedAt || now.getTime() - new Date(ticket.completedAt).getTime() > REOPEN_WINDOW_MS) {
    throw new DomainError('REPAIR.REOPEN_EXPIRED', REPAIR_ERROR_MESSAGES['REPAIR.REOPEN_EXPIRED'])
  }
  const tech = await pickTechnician(platform.db, ticket.communityId, ticket.gridId, now, ticket.assigneeOpenid)
  return applyTransition(platform, {
    ticket,
    name: 'reopen',
    by,
    note: reason,
    set: {
      ...(tech ? { assigneeOpenid: tech._id, assigneeStaffId: tech.staffId, assigneeName: tech.name } : {}),
      promisedStart: null,
      promisedEnd: null,
      slaWatch: 'respond',
      respondDueAt: new Date(now.getTime() + RESPOND_SLA_MS),
      arriveDueAt: null,
      completedAt: null,
      reopenCount: ticket.reopenCount + 1,
    },
  })
}

/**
 * Steward (grid) or ops assigns a waiting ticket or moves an assigned/accepted one to another technician.
 * The new technician gets a fresh 30 minutes to accept; a breach already recorded stays recorded.
 */
export async function reassignTicket(platform: Platform, access: CallerAccess, ticketId: string, technicianStaffId: string, note?: string): Promise<TicketDoc> {
  const { ticket, actors } = await loadTicketFor(platform.db, access, ticketId)
  const name: TransitionName = ticket.status === 'submitted' ? 'assign' : 'reassign'
  const by = requireActor(actors, ruleFor(name).actors)
  const now = platform.clock.now()
  const tech = await technicianByStaffId(platform.db, ticket.communityId, technicianStaffId, now)
  if (!tech || !tech.available) throw new DomainError('REPAIR.TECHNICIAN_UNAVAILABLE', REPAIR_ERROR_MESSAGES['REPAIR.TECHNICIAN_UNAVAILABLE'])
  const after = await applyTransition(platform, {
    ticket,
    name,
    by,
    note,
    set: {
      assigneeOpenid: tech._id,
      assigneeStaffId: tech.staffId,
      assigneeName: tech.name,
      promisedStart: null,
      promisedEnd: null,
      slaWatch: 'respond',
      respondDueAt: new Date(now.getTime() + RESPOND_SLA_MS),
      arriveDueAt: null,
    },
  })
  await recordManualTurn(platform.db, tech._id, now)
  return after
}
