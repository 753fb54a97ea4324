import type { Platform } from '../kernel/platform'
import { DomainError } from '../kernel/domain-error'
import { isTransactionConflict, must, rethrowDomain } from '../kernel/db-result'
import type { CallerAccess } from '../auth'
import { REPAIR_ERROR_MESSAGES } from '../../contracts/errors/repairs'
import { notifyAll } from '../notify'
import { assertFrom, illegalTransition, ruleFor } from './repair-state-machine'
import { REPAIR_COLLECTIONS, type RatingDoc, type SatisfactionDoc, type TicketDoc, type TimelineEntry } from './repair.model'
import { loadTicketFor, requireActor } from './ticket-access'
import { monthKey } from './repair-time'
import { technicianCard } from './repair-notifications'
import { rollupIds } from './satisfaction.keys'

export interface RatingInput {
  arrival: number
  attitude: number
  process: number
  etiquette: number
  comment: string
}

/**
 * One rating per ticket, and the satisfaction rollups (steward and community, all-time and this month)
 * move in the same transaction as the ticket: a rating is either counted everywhere or nowhere, and a
 * second rating — even one racing the first — finds the ticket already rated.
 */
export async function rateTicket(platform: Platform, access: CallerAccess, ticketId: string, input: RatingInput): Promise<TicketDoc> {
  const { ticket, actors } = await loadTicketFor(platform.db, access, ticketId)
  const by = requireActor(actors, ruleFor('rate').actors)
  if (ticket.rating) throw new DomainError('REPAIR.ALREADY_RATED', REPAIR_ERROR_MESSAGES['REPAIR.ALREADY_RATED'])
  assertFrom('rate', ticket.status)
  const db = platform.db
  const now = platform.clock.now()
  const rating: RatingDoc = { ...input, at: now }
  const entry: TimelineEntry = { at: now, action: 'rated', by }
  let after: TicketDoc | undefined
  try {
    await db.runTransaction(async (t: Tx) => {
      const current = must(await t.collection(REPAIR_COLLECTIONS.tickets).doc(ticketId).get()).data as TicketDoc | null
      if (!current) throw illegalTransition()
      if (current.rating) throw new DomainError('REPAIR.ALREADY_RATED', REPAIR_ERROR_MESSAGES['REPAIR.ALREADY_RATED'])
      assertFrom('rate', current.status)
      const next = { status: 'rated' as const, rev: current.rev + 1, rating, timeline: [...current.timeline, entry], updatedAt: now }
      must(await t.collection(REPAIR_COLLECTIONS.tickets).doc(ticketId).set({ ...stripId(current), ...next }))
      for (const id of rollupIds(current, monthKey(now))) {
        const existing = must(await t.collection(REPAIR_COLLECTIONS.satisfaction).doc(id.id).get()).data as SatisfactionDoc | null
        const base: SatisfactionDoc = existing ?? { _id: id.id, ...id.doc, count: 0, sums: { arrival: 0, attitude: 0, process: 0, etiquette: 0 }, updatedAt: now }
        must(await t.collection(REPAIR_COLLECTIONS.satisfaction).doc(id.id).set({
          ...stripId(base),
          count: base.count + 1,
          sums: {
            arrival: base.sums.arrival + input.arrival,
            attitude: base.sums.attitude + input.attitude,
            process: base.sums.process + input.process,
            etiquette: base.sums.etiquette + input.etiquette,
          },
          updatedAt: now,
        }))
      }
      after = { ...current, ...next }
    })
  } catch (e) {
    if (isTransactionConflict(e)) throw new DomainError('CONFLICT')
    rethrowDomain(e)
  }
  if (!after) throw illegalTransition()
  if (after.assigneeOpenid) await notifyAll(platform, [technicianCard(after, after.assigneeOpenid, '业主已评价本次服务', after.rev, now)])
  return after
}

/** The handle runTransaction passes (the SDK types it as any); results carry failures as values, hence must(). */
interface Tx {
  collection(name: string): { doc(id: string): { get(): Promise<{ data: unknown }>; set(data: object): Promise<object> } }
}

function stripId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc
  return rest
}
