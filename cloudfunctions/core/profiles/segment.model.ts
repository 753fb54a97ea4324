import { defineIndexes } from '../kernel/indexes'
import type { SegmentCriteriaInput } from '../../contracts/profiles-segment.schemas'

export const SEGMENT_COLLECTIONS = {
  segments: 'profile_segments',
  pushes: 'profile_pushes',
  deliveries: 'profile_push_deliveries',
  optouts: 'profile_push_optouts',
  /** Subscribe-message consents per person and template (push-consent.service.ts). */
  consents: 'profile_push_consents',
} as const

/** What a segment selects (the contract's schema is the one definition; each part given narrows it). */
export type SegmentCriteria = SegmentCriteriaInput

export interface SegmentDoc {
  _id: string
  communityId: string
  name: string
  criteria: SegmentCriteria
  /** Who built it; a steward's segment is always cut to their grid, also when they push it later. */
  createdBy: string
  createdByRole: 'ops' | 'steward'
  lastSize: number
  createdAt: Date
  updatedAt: Date
}

export interface PushDoc {
  _id: string
  segmentId: string
  segmentName: string
  communityId: string
  pusherOpenid: string
  pusherRole: 'ops' | 'steward'
  title: string
  body: string
  /** The group-buy campaign the push advertises, if any (its SKUs count for 动销率 before/after). */
  campaignId: string | null
  itemIds: string[]
  households: number
  recipients: number
  skippedOptOut: number
  skippedRateLimit: number
  /** Chat groups holding the recipients: where the pusher should post the card. */
  groups: { groupId: string; name: string; members: number }[]
  status: 'sending' | 'sent'
  at: Date
}

export interface DeliveryDoc {
  /** `${pushId}:${openid}`: one per person per push, whatever retries happen. */
  _id: string
  pushId: string
  segmentId: string
  communityId: string
  pusherOpenid: string
  householdId: string
  openid: string
  sentAt: Date
  openedAt: Date | null
  orderedAt: Date | null
  orderId: string | null
  orderFen: number
}

export interface ConsentDoc {
  /** `${openid}:${template}` */
  _id: string
  openid: string
  template: string
  /** Messages WeChat will still deliver: one per "allow" the person tapped, one used per message sent. */
  credits: number
  /** The last delivery that used a credit: a retried push re-finds its own use instead of taking another. */
  lastUse: string | null
  /** The person chose 总是拒绝 in WeChat's dialog: asking again shows nothing until they change it. */
  banned: boolean
  updatedAt: Date
}

export interface OptOutDoc {
  /** The person's openid: opting out is a person's choice, for every household they belong to. */
  _id: string
  optedOut: boolean
  at: Date
}

export const SEGMENT_INDEXES = defineIndexes(
  { collection: SEGMENT_COLLECTIONS.segments, fields: ['communityId', 'createdBy'] },
  { collection: SEGMENT_COLLECTIONS.pushes, fields: ['communityId', 'at'] },
  { collection: SEGMENT_COLLECTIONS.pushes, fields: ['campaignId'] },
  { collection: SEGMENT_COLLECTIONS.deliveries, fields: ['openid', 'sentAt'] },
  { collection: SEGMENT_COLLECTIONS.deliveries, fields: ['householdId', 'sentAt'] },
  { collection: SEGMENT_COLLECTIONS.deliveries, fields: ['pushId'] },
)
