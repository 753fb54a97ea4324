import type { GroupIdentity, GroupKind } from '../../contracts/groups.contract'
import { defineIndexes } from '../kernel/indexes'

/** Collections of the chat-group area (the CloudBase console shows these names to ops). */
export const GROUP_COLLECTIONS = {
  groups: 'groups',
  /** _id = openGId → the group it is bound to; the _id makes "one openGId, one group" a hard rule. */
  openGids: 'group_opengids',
  members: 'group_members',
  playbooks: 'group_playbooks',
  /** The steward's inbox: code reminders, "no group available", written whether or not a Notifier exists. */
  alerts: 'group_alerts',
  merchants: 'group_merchants',
  merchantInvites: 'group_merchant_invites',
  /** _id = order id: a paid order is credited to its payer's groups once (see creditPaidOrder). */
  orderCredits: 'group_order_credits',
} as const

export interface GroupCode {
  fileId: string
  /** When the steward saved the QR in WeChat; WeChat makes a group QR valid for 7 days from then. */
  savedAt: Date
  expiresAt: Date
  uploadedAt: Date
  uploadedBy: string
}

export interface GroupDoc {
  _id: string
  communityId: string
  name: string
  kind: GroupKind
  /** Empty = the whole community. */
  buildingIds: string[]
  /** Scalar twin of `buildingIds.length === 0`, so the join query can say "or community-wide". */
  allBuildings: boolean
  capacity: number
  memberCount: number
  /** capacity − memberCount, kept on write so "not full" is a plain indexed filter. */
  seatsLeft: number
  stewardOpenid: string
  openGId: string | null
  openGIdBoundAt: Date | null
  status: 'active' | 'archived'
  code: GroupCode | null
  /** When the steward is due a reminder for the current code (a day before it lapses), and whether it went. */
  codeRemindAt: Date | null
  codeReminded: boolean
  /** Rotation of the live code: the least recently handed-out eligible group goes next. */
  lastPickedAt: Date
  /** Activity on a growing scale (see activity-score.ts): decays without any write. */
  activityRaw: number
  lastActivityAt: Date | null
  silent: boolean
  silentSince: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface GroupMemberDoc {
  _id: string
  groupId: string
  communityId: string
  /** Copied from the group so "already in a group of this kind?" needs no second read. */
  kind: GroupKind
  openid: string
  householdId: string | null
  identity: GroupIdentity | null
  status: 'assigned' | 'joined'
  assignedAt: Date | null
  joinedAt: Date | null
  entries: number
  lastEnteredAt: Date | null
  /** Last card open, join or paid order: what "still active" means for moving members out of a silent group. */
  lastActiveAt: Date
  orders?: number
}

export interface PlaybookDoc {
  _id: string
  communityId: string
  kind: GroupKind
  welcome: string
  rules: string[]
  starterPlan: { day: number; title: string; text: string }[]
  autoReplies: { keyword: string; answer: string }[]
  updatedAt: Date
}

export interface GroupAlertDoc {
  _id: string
  communityId: string
  stewardOpenid: string
  type: 'code_expiring' | 'no_group'
  groupId: string | null
  title: string
  text: string
  status: 'open' | 'acked'
  createdAt: Date
}

export interface MerchantDoc {
  _id: string
  communityId: string
  openid: string
  shopName: string
  buildingId: string | null
  stewardOpenid: string
  status: 'active' | 'removed'
  claimedAt: Date
}

export interface MerchantInviteDoc {
  _id: string
  communityId: string
  shopName: string
  buildingId: string | null
  stewardOpenid: string
  expiresAt: Date
  claimedBy: string | null
  createdAt: Date
}

export const KIND_LABELS: Record<GroupKind, string> = { owners: '业主群', tenants: '租户群', merchants: '商户群', all: '全体住户群' }

export const GROUP_INDEXES = defineIndexes(
  { collection: GROUP_COLLECTIONS.groups, fields: ['communityId', 'kind'] },
  { collection: GROUP_COLLECTIONS.groups, fields: ['stewardOpenid'] },
  { collection: GROUP_COLLECTIONS.groups, fields: ['silent'] },
  // The timers' range queries (codes about to lapse, groups gone quiet) across all communities.
  { collection: GROUP_COLLECTIONS.groups, fields: ['codeReminded'] },
  { collection: GROUP_COLLECTIONS.groups, fields: ['activityRaw'] },
  { collection: GROUP_COLLECTIONS.members, fields: ['openid', 'status'] },
  { collection: GROUP_COLLECTIONS.members, fields: ['groupId', 'status'] },
  { collection: GROUP_COLLECTIONS.members, fields: ['groupId', 'lastActiveAt'] },
  { collection: GROUP_COLLECTIONS.playbooks, fields: ['communityId'] },
  { collection: GROUP_COLLECTIONS.alerts, fields: ['stewardOpenid', 'status'] },
  { collection: GROUP_COLLECTIONS.merchants, fields: ['openid', 'status'] },
)
