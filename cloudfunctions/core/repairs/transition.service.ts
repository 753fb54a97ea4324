import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import type { TimelineAction } from '../../contracts/repairs.contract'
import { notifyAll } from '../notify'
import type { SubscribeMessage } from '../kernel/ports/notifier.port'
import { assertFrom, illegalTransition, type Actor, type TransitionName } from './repair-state-machine'
import { REPAIR_COLLECTIONS, type TicketDoc, type TimelineEntry } from './repair.model'
import { residentStatusCard, technicianCard } from './repair-notifications'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import { emitInTx, processAfterCommit } from '../outbox'
import type { RepairOutboxEvent } from './repair-events'

const ACTION_OF: Record<TransitionName, TimelineAction> = {
  assign: 'assigned',
  reassign: 'reassigned',
  accept: 'accepted',
  start: 'started',
  complete: 'completed',
  rate: 'rated',
  cancel: 'cancelled',
  reopen: 'reopened',
}

const TECHNICIAN_NOTE: Partial<Record<TransitionName, string>> = {
  assign: '新工单，请在30分钟内接单',
  reassign: '新工单（改派），请在30分钟内接单',
  rate: '业主已评价本次服务',
  cancel: '业主已取消该工单',
  reopen: '业主重新打开了工单，请尽快处理',
}

export interface TransitionRequest {
  ticket: TicketDoc
  name: TransitionName
  by: Actor
  /** Fields the transition changes besides status/rev/timeline (already validated by the caller). */
  set?: Partial<Omit<TicketDoc, '_id' | 'status' | 'rev' | 'timeline'>>
  note?: string
  /** The outbox event the move reports (repair-events.ts), given the ticket after it; null: none. */
  event?: (after: TicketDoc, now: Date) => RepairOutboxEvent | null
}

/**
 * Applies one transition of the state machine as a single conditional update: it matches only if the
 * ticket still has the status and revision the caller read, so of two racing requests exactly one wins
 * and the other gets REPAIR.ILLEGAL_TRANSITION. Status, revision, timeline entry and the transition's own
 * fields land in that one write. Notifications follow the committed write (and never fail it).
 *
 * A move that reports a fact (a completion: 维修频次) commits with its outbox event instead: the same
 * status-and-revision check, made on the ticket read inside one transaction with the update and the event
 * (a conditional multi-document update cannot join a CloudBase transaction), so the fact is never lost
 * between the ticket's write and its report. A racing move conflicts, re-reads and is refused the same way.
 */
export async function applyTransition(platform: Platform, req: TransitionRequest): Promise<TicketDoc> {
  const { ticket, name, by } = req
  const rule = assertFrom(name, ticket.status)
  const db = platform.db
  const _ = db.command
  const now = platform.clock.now()
  const set = req.set ?? {}
  const entry: TimelineEntry = { at: now, action: ACTION_OF[name], by }
  if (req.note) entry.note = req.note
  if ((name === 'assign' || name === 'reassign' || name === 'reopen') && set.assigneeName) entry.technicianName = set.assigneeName
  const update: Record<string, unknown> = { status: rule.to, rev: _.inc(1), updatedAt: now, timeline: _.push([entry]) }
  for (const [k, v] of Object.entries(set)) update[k] = v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) ? _.set(v) : v
  const after: TicketDoc = { ...ticket, ...set, status: rule.to, rev: ticket.rev + 1, updatedAt: now, timeline: [...ticket.timeline, entry] }
  const event = req.event?.(after, now) ?? null
  if (event) {
    await runTx(db, async (t) => {
      const current = await txGet<TicketDoc>(t, REPAIR_COLLECTIONS.tickets, ticket._id)
      if (!current || current.status !== ticket.status || current.rev !== ticket.rev) throw illegalTransition()
      await txWrite(t.collection(REPAIR_COLLECTIONS.tickets).doc(ticket._id).update(update))
      await emitInTx(t, event)
    })
    await processAfterCommit({ platform, now: () => platform.clock.now() }, event)
  } else {
    const res = must(await db.collection(REPAIR_COLLECTIONS.tickets).where({ _id: ticket._id, status: ticket.status, rev: ticket.rev }).update(update))
    if (res.updated !== 1) throw illegalTransition()
  }
  await notifyAll(platform, transitionCards(name, ticket, after, now))
  return after
}

function transitionCards(name: TransitionName, before: TicketDoc, after: TicketDoc, now: Date): SubscribeMessage[] {
  const rule = assertFrom(name, before.status)
  const cards: SubscribeMessage[] = []
  if (rule.notifyResident) cards.push(residentStatusCard(after, after.rev, now))
  const note = TECHNICIAN_NOTE[name]
  if (rule.notifyTechnician && note && after.assigneeOpenid) cards.push(technicianCard(after, after.assigneeOpenid, note, after.rev, now))
  if (name === 'reassign' && before.assigneeOpenid && before.assigneeOpenid !== after.assigneeOpenid) {
    cards.push(technicianCard(after, before.assigneeOpenid, '该工单已改派给其他师傅', after.rev, now))
  }
  return cards
}
