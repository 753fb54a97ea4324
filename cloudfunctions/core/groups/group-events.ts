import { createHash } from 'node:crypto'
import type { OutboxEvent } from '../kernel/outbox'
import { newOutboxEvent } from '../outbox'

/**
 * Outbox topics the groups area writes (core/outbox), each in the same transaction as the membership
 * change it reports; their subscriber is the household's profile (社群活跃).
 */
export const GROUP_TOPICS = {
  /** A person became a member of a group (by confirming, or by opening a card inside it). One per membership: a member never leaves. */
  joined: 'group.joined',
  /** A member opened a card inside the group. One per opening: the event id carries the opening's key. */
  entered: 'group.entered',
} as const

export type GroupTopic = (typeof GROUP_TOPICS)[keyof typeof GROUP_TOPICS]

export interface GroupEventPayload {
  groupId: string
  memberId: string
  /** The member's household in the group's community, or null (a merchant, a visitor): no profile fact then. */
  householdId: string | null
  communityId: string
  at: Date
  /** The fact's key in the profile: the membership for a join, the membership and the opening for an entry. */
  sourceId: string
  /**
   * For an entry: its activity (the member's entries, the group's score) was counted in the transaction
   * that made the membership (a first open joins). Otherwise the groups.entry-activity effect counts it.
   */
  credited: boolean
}

export type GroupOutboxEvent = OutboxEvent<GroupEventPayload>

/**
 * The key of one card opening: the client's request id (hashed: it is the caller's text), so a retry of
 * the same opening is the same event and the transaction that counts it meets a duplicate key instead of
 * counting twice. Without a request id (never for a signed-in user: mutating calls need one) the time.
 */
export function openingKey(requestId: string | undefined, now: Date): string {
  return requestId ? createHash('sha256').update(requestId).digest('hex').slice(0, 16) : `t${now.getTime()}`
}

export function groupEvent(topic: GroupTopic, fact: Omit<GroupEventPayload, 'sourceId'>, opening: string | null = null): GroupOutboxEvent {
  const sourceId = opening ? `${fact.memberId}-${opening}` : fact.memberId
  return newOutboxEvent<GroupEventPayload>(topic, sourceId, { ...fact, sourceId }, fact.at, fact.communityId)
}
