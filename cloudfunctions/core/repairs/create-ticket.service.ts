import { randomBytes } from 'node:crypto'
import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import type { CallerAccess } from '../auth'
import { checkFiles } from '../storage'
import { storageOf } from '../kernel/ports/storage.port'
import { notifyAll } from '../notify'
import type { RepairCategory, RepairPlace } from '../../contracts/repairs.contract'
import { gridOfBuilding, pickTechnician } from './dispatch.service'
import { REPAIR_COLLECTIONS, freshTicketFields, type TicketDoc, type TimelineEntry } from './repair.model'
import { REPAIR_PHOTO_RULES, parseWindow } from './repair-rules'
import { RESPOND_SLA_MS } from './repair-time'
import { residentStatusCard, technicianCard, unassignedCard } from './repair-notifications'
import { resolvePlace } from './ticket-place'
import { opsOpenids } from './staff-lookup'
import { runTx, txWrite } from '../kernel/transaction'
import { emitInTx, processAfterCommit } from '../outbox'
import { REPAIR_TOPICS, repairEvent } from './repair-events'

export interface CreateTicketInput {
  place: RepairPlace
  category: RepairCategory
  description: string
  photos: string[]
  preferredWindow?: { start: string; end: string }
}

/** Ticket ids sort by creation and say nothing about the resident. */
function newTicketId(now: Date): string {
  return `rp${now.getTime().toString(36)}${randomBytes(5).toString('hex')}`
}

/**
 * Files a ticket: place, window and photos are all checked before anything is written; then dispatch
 * picks a technician and the ticket is inserted already assigned (one insert, both timeline entries),
 * or left submitted for the steward when nobody is available. The respond clock starts at filing. A
 * household's ticket and its `repair.filed` outbox event are one transaction.
 */
export async function createTicket(platform: Platform, access: CallerAccess, input: CreateTicketInput): Promise<TicketDoc> {
  const db = platform.db
  const now = platform.clock.now()
  const place = await resolvePlace(db, access, input.place)
  const preferred = input.preferredWindow ? parseWindow(input.preferredWindow, now) : null
  await checkFiles(storageOf(platform), input.photos, REPAIR_PHOTO_RULES)

  const grid = place.buildingId ? await gridOfBuilding(db, place.communityId, place.buildingId) : null
  const technician = await pickTechnician(db, place.communityId, grid?.gridId ?? null, now)
  const timeline: TimelineEntry[] = [{ at: now, action: 'submitted', by: 'resident' }]
  if (technician) timeline.push({ at: now, action: 'assigned', by: 'system', technicianName: technician.name })
  const ticket: TicketDoc = {
    _id: newTicketId(now),
    ...place,
    category: input.category,
    description: input.description,
    photos: input.photos,
    preferredStart: preferred?.start ?? null,
    preferredEnd: preferred?.end ?? null,
    residentOpenid: access.openid,
    status: technician ? 'assigned' : 'submitted',
    rev: 1,
    stewardOpenid: grid?.stewardOpenid ?? null,
    gridId: grid?.gridId ?? null,
    assigneeOpenid: technician?._id ?? null,
    assigneeStaffId: technician?.staffId ?? null,
    assigneeName: technician?.name ?? null,
    ...freshTicketFields(),
    slaWatch: 'respond',
    respondDueAt: new Date(now.getTime() + RESPOND_SLA_MS),
    timeline,
    createdAt: now,
    updatedAt: now,
  }
  // A household's ticket commits with its repair.filed event (维修频次 in the profile follows from it, and
  // cannot be lost between the two); a public-area ticket reports nothing, so it stays one insert.
  const event = repairEvent(REPAIR_TOPICS.filed, ticket, now)
  if (event) {
    await runTx(db, async (t) => {
      await txWrite(t.collection(REPAIR_COLLECTIONS.tickets).add(ticket))
      await emitInTx(t, event)
    })
    await processAfterCommit({ platform, now: () => platform.clock.now() }, event)
  } else {
    must(await db.collection(REPAIR_COLLECTIONS.tickets).add(ticket))
  }

  if (technician) {
    await notifyAll(platform, [residentStatusCard(ticket, ticket.rev, now), technicianCard(ticket, technician._id, '新工单，请在30分钟内接单', ticket.rev, now)])
  } else {
    const dispatchers = [...new Set([...(grid ? [grid.stewardOpenid] : []), ...(await opsOpenids(db, place.communityId))])]
    await notifyAll(platform, dispatchers.map((openid) => unassignedCard(ticket, openid, now)))
  }
  return ticket
}
