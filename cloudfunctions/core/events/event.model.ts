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
  /** ROI settings per community (_id = communityId): margin rate per category, attribution days, service categories. */
  roiSettings: 'roi_settings',
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
  /**
   * 候补: households waiting for a place, first come first served. Like `holders`, the truth is this array on
   * the event document, changed only by conditional updates (absent on events from before the waitlist).
   */
  waiting?: string[]
  /**
   * Promotions from the waitlist whose sign-up document and notice are not finished yet, as
   * `${householdId}@${ms}`: written in the same update that moves the household, removed once it is told.
   */
  promotions?: string[]
  buildingIds: string[]
  buildingNames: string[]
  status: 'open' | 'cancelled'
  /** After a cancel: pending until every signed-up and waiting household was told and the places released. */
  cancelState?: 'pending' | 'done'
  cancelledAt?: Date | null
  cancelReason?: string
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
  /** The event document (holders, waiting) is the truth; this follows it (event-view.ts reads both). */
  status: 'signed' | 'cancelled' | 'waiting'
  signedAt: Date
  /** When the household joined the waitlist / was promoted from it (absent for a direct sign-up). */
  waitingSince?: Date | null
  promotedAt?: Date | null
  /** Who ended the sign-up: the household itself or the organiser's cancel of the event. */
  cancelledBy?: 'resident' | 'event' | null
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
  /** This activity's own rate; null = the community's rate for each order's category (roi_settings). */
  marginRateBp: number | null
  /** This activity's own window; null = the community's. */
  attributionDays: number | null
  updatedAt: Date
}

/** The community's ROI settings, set by ops on the ROI 设置 page (docs/events.md: the margin model). */
export interface RoiSettingsDoc {
  _id: string
  communityId: string
  /** Margin rate in basis points per category; a category not listed uses DEFAULT_MARGIN_RATE_BP. */
  categoryMarginBp: Partial<Record<EventCategory, number>>
  attributionDays: number
  /** Category of each paid service item (service_items id → category); an item not listed is attributed to no event. */
  serviceCategories: Record<string, EventCategory>
  updatedBy: string
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

export const waitingOf = (e: Pick<EventDoc, 'waiting'>) => e.waiting ?? []

export const signupIdOf = (eventId: string, householdId: string) => `${eventId}.${householdId}`
export const settingsIdOf = (ref: ActivityRef) => `${ref.kind}.${ref.id}`
