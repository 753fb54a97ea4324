import type { OutboxEvent } from '../kernel/outbox'
import { newOutboxEvent } from '../outbox'
import type { TicketDoc } from './repair.model'

/**
 * Outbox topics the repairs area writes (core/outbox), each in the same transaction as the ticket change
 * it reports. Only tickets of a household carry one: the facts are about households (a public-area
 * ticket has nobody to report on), and their only subscriber is the household's profile.
 */
export const REPAIR_TOPICS = {
  /** A household's ticket was filed: written with the ticket's insert. One per ticket. */
  filed: 'repair.filed',
  /** A household's ticket was completed: written with the → completed move. One per completion (a reopened ticket completed again is another). */
  completed: 'repair.completed',
} as const

export type RepairTopic = (typeof REPAIR_TOPICS)[keyof typeof REPAIR_TOPICS]

export interface RepairEventPayload {
  ticketId: string
  householdId: string
  communityId: string
  /** When the fact happened (the filing or the completion), as the ticket records it. */
  at: Date
}

export type RepairOutboxEvent = OutboxEvent<RepairEventPayload>

/**
 * The event for a ticket's fact, or null for a public-area ticket. The subject is the ticket for a filing;
 * for a completion it is the ticket at its new revision, so each completion is its own fact and a retried
 * write of the same completion is the same event id (a duplicate key, never a second fact).
 */
export function repairEvent(topic: RepairTopic, ticket: TicketDoc, at: Date): RepairOutboxEvent | null {
  if (!ticket.householdId) return null
  const subject = topic === REPAIR_TOPICS.filed ? ticket._id : `${ticket._id}-r${ticket.rev}`
  return newOutboxEvent<RepairEventPayload>(topic, subject, { ticketId: ticket._id, householdId: ticket.householdId, communityId: ticket.communityId, at }, at, ticket.communityId)
}
