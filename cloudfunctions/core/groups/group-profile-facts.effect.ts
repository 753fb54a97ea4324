import type { OutboxEffect } from '../kernel/outbox'
import { reportHouseholdFacts } from '../profiles'
import { GROUP_TOPICS, type GroupEventPayload } from './group-events'

/**
 * 社群活跃 in the household's profile: a join is a `group_joined` fact, a card opened inside the group a
 * `group_activity` one (paid orders by members are the order.paid effect in group-order-listener.ts). An
 * outbox effect, so the fact rides on the membership's own commit and is retried until it lands; keyed by
 * membership (and opening), so a replayed event records nothing twice.
 */
export const groupProfileFactsEffect: OutboxEffect<GroupEventPayload> = {
  topics: [GROUP_TOPICS.joined, GROUP_TOPICS.entered],
  run: async (ctx, event) => {
    const { householdId, communityId, sourceId } = event.payload
    if (!householdId) return
    const kind = event.topic === GROUP_TOPICS.joined ? 'group_joined' : 'group_activity'
    await reportHouseholdFacts(ctx.platform, [{ householdId, communityId, kind, sourceId, at: new Date(event.payload.at) }])
  },
}
