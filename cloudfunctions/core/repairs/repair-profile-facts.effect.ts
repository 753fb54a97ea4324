import type { OutboxEffect } from '../kernel/outbox'
import { reportHouseholdFacts } from '../profiles'
import { REPAIR_TOPICS, type RepairEventPayload } from './repair-events'

/**
 * 维修频次 in the household's profile: a ticket filed is a `repair_filed` fact, a completion a
 * `repair_closed` one. An outbox effect, so the fact rides on the ticket's own commit and is retried until
 * it lands. The facts are keyed by ticket (filed) and by ticket and completion time (closed), the same keys
 * the facts always had, so a replayed event records nothing twice.
 */
export const repairProfileFactsEffect: OutboxEffect<RepairEventPayload> = {
  topics: [REPAIR_TOPICS.filed, REPAIR_TOPICS.completed],
  run: async (ctx, event) => {
    const { ticketId, householdId, communityId } = event.payload
    const at = new Date(event.payload.at)
    const filed = event.topic === REPAIR_TOPICS.filed
    await reportHouseholdFacts(ctx.platform, [
      { householdId, communityId, kind: filed ? 'repair_filed' : 'repair_closed', sourceId: filed ? ticketId : `${ticketId}-${at.getTime()}`, at },
    ])
  },
}
