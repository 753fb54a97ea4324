import { defineIndexes } from '../kernel/indexes'
import type { ActivityRef, EventCategory } from '../../contracts/events.contract'

export type { ActivityRef, EventCategory }

export const EVENT_COLLECTIONS = {
  events: 'events',
  /** One per (event, household): _id `${eventId}.${householdId}`. */
  signups: 'event_signups',
  /** One per event code a household has used: _id `${eventId}.${householdId}.${kid}.${window}` (replay memory). */
  codeUses: 'event_code_uses',
  /** 活动费用 with receipts, their split over activities and bearers, and the write-off review. */
  costs: 'activity_costs',
  /** ROI settings per activity (_id `${kind}.${id}`): category of a campaign, margin rate, attribution days. */
  settings: 'activity_settings',
} as const

export interface EventDoc {
  _id: string
  communityId: string
  kind: 'experience' | 'community'
  title: string
  category: EventCategory
  venue: string
  description: string
  startsAt: Date
  endsAt: Date
  signupLimit: number
  /** Households holding a place; `holders` is the truth the limit is checked against (one atomic update). */
  signedUp: number
  holders: string[]
  buildingIds: string[]
  buildingNames: string[]
  status: 'open' | 'cancelled'
  organiserOpenid: string
  createdAt: Date
  updatedAt: Date
}

/** none: attendance not final yet; pending: check-out done, the profile not yet told; done: told. */
export type ReportState = 'none' | 'pending' | 'done'

export interface SignupDoc {
  _id: string
  eventId: string
  communityId: string
  householdId: string
  buildingId: string
  householdLabel: string
  openid: string
  status: 'signed' | 'cancelled'
  signedAt: Date
  checkInAt: Date | null
  checkOutAt: Date | null
  dwellMinutes: number | null
  /** Shanghai calendar date of the check-in, for per-day figures of events that run past midnight. */
  checkInDate: string | null
  report: ReportState
  updatedAt: Date
}

export interface CodeUseDoc {
  _id: string
  eventId: string
  householdId: string
  usedFor: 'check_in' | 'check_out'
  at: Date
  expireAt: Date
}

export interface Share<T> {
  target: T
  fen: number
}

export interface Party {
  kind: 'property' | 'merchant' | 'supplier'
  name: string
}

export interface CostDoc {
  _id: string
  communityId: string
  title: string
  item: 'prize' | 'material' | 'venue' | 'subsidy' | 'other'
  amountFen: number
  activityRule: 'equal' | 'gmv'
  /** Split over activities; recomputed (basis refreshed) at approval and frozen from then on. */
  activityShares: { ref: ActivityRef; title: string; fen: number; basisFen: number | null }[]
  bearerShares: { party: Party; fen: number; weight: number }[]
  receipts: string[]
  note: string
  status: 'submitted' | 'approved' | 'rejected'
  submittedBy: string
  submitterName: string
  submittedAt: Date
  reviewedBy: string | null
  reviewerName?: string | null
  reviewedAt: Date | null
  reviewNote: string
}

export interface ActivitySettingsDoc {
  _id: string
  communityId: string
  ref: ActivityRef
  category: EventCategory | null
  marginRateBp: number
  attributionDays: number
  updatedAt: Date
}

/** Defaults until ops set an activity's own: 20 % margin, orders within 7 days after the event. */
export const DEFAULT_MARGIN_RATE_BP = 2000
export const DEFAULT_ATTRIBUTION_DAYS = 7

export const EVENT_INDEXES = defineIndexes(
  { collection: EVENT_COLLECTIONS.events, fields: ['communityId', 'startsAt'] },
  { collection: EVENT_COLLECTIONS.signups, fields: ['eventId', 'status'] },
  { collection: EVENT_COLLECTIONS.signups, fields: ['householdId', 'status'] },
  { collection: EVENT_COLLECTIONS.signups, fields: ['report'] },
  { collection: EVENT_COLLECTIONS.codeUses, fields: ['expireAt'] },
  { collection: EVENT_COLLECTIONS.costs, fields: ['communityId', 'submittedAt'] },
  { collection: EVENT_COLLECTIONS.settings, fields: ['communityId'] },
)

export const signupIdOf = (eventId: string, householdId: string) => `${eventId}.${householdId}`
export const settingsIdOf = (ref: ActivityRef) => `${ref.kind}.${ref.id}`
