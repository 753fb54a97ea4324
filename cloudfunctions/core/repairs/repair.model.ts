import { defineIndexes } from '../kernel/indexes'
import type { RepairCategory, RepairStatus, TimelineAction } from '../../contracts/repairs.contract'

/** Collections of the repairs area (names shown to ops in the CloudBase console). */
export const REPAIR_COLLECTIONS = {
  tickets: 'repair_tickets',
  technicians: 'repair_technicians',
  satisfaction: 'satisfaction_rollups',
} as const

export const REPAIR_INDEXES = defineIndexes(
  // workbench: a technician's completions today; ops dashboard: a community's tickets of one month.
  { collection: REPAIR_COLLECTIONS.tickets, fields: ['assigneeOpenid', 'completedAt'] },
  { collection: REPAIR_COLLECTIONS.tickets, fields: ['communityId', 'createdAt'] },
  // resident's "my tickets", technician's queue, steward's grid lists and the overdue query
  { collection: REPAIR_COLLECTIONS.tickets, fields: ['residentOpenid'] },
  { collection: REPAIR_COLLECTIONS.tickets, fields: ['householdId', 'createdAt'] },
  { collection: REPAIR_COLLECTIONS.tickets, fields: ['assigneeOpenid', 'status'] },
  { collection: REPAIR_COLLECTIONS.tickets, fields: ['buildingId', 'status'] },
  { collection: REPAIR_COLLECTIONS.tickets, fields: ['overdue', 'buildingId'] },
  { collection: REPAIR_COLLECTIONS.tickets, fields: ['communityId', 'status'] },
  // the SLA timer only ever looks at tickets whose clock is running or whose alert is pending
  { collection: REPAIR_COLLECTIONS.tickets, fields: ['slaWatch'] },
  { collection: REPAIR_COLLECTIONS.tickets, fields: ['slaAlert'] },
  { collection: REPAIR_COLLECTIONS.technicians, fields: ['communityId'] },
)

export type SlaKind = 'respond' | 'arrive'

export interface TimelineEntry {
  at: Date
  action: TimelineAction
  /** Who did it, as a role (resident / technician / steward / ops / system); names are resolved when shown. */
  by: 'resident' | 'technician' | 'steward' | 'ops' | 'system'
  note?: string
  /** For assignments: the technician's display name at the time. */
  technicianName?: string
}

export interface RatingDoc {
  arrival: number
  attitude: number
  process: number
  etiquette: number
  comment: string
  at: Date
}

export interface TicketDoc {
  _id: string
  communityId: string
  /** The household (place = household) or the building of a public area; null for community-wide areas. */
  householdId: string | null
  buildingId: string | null
  placeKind: 'household' | 'public'
  placeLabel: string
  category: RepairCategory
  description: string
  photos: string[]
  preferredStart: Date | null
  preferredEnd: Date | null
  residentOpenid: string
  status: RepairStatus
  /** Bumped by every write: transitions are conditional on the revision they read (optimistic concurrency). */
  rev: number
  /** Home steward of the building when the ticket was filed: satisfaction is attributed to them. */
  stewardOpenid: string | null
  gridId: string | null
  assigneeOpenid: string | null
  assigneeStaffId: string | null
  assigneeName: string | null
  promisedStart: Date | null
  promisedEnd: Date | null
  /** Running SLA clock: 'respond' until accepted, 'arrive' until work starts; null when none is running. */
  slaWatch: SlaKind | null
  respondDueAt: Date
  arriveDueAt: Date | null
  /** An overdue flag whose notifications are not yet confirmed sent (crash-safe hand-off to the timer). */
  slaAlert: SlaKind | null
  /** True while the ticket is open and has missed an SLA; cleared when it is completed or cancelled. */
  overdue: boolean
  breaches: { respond?: Date; arrive?: Date }
  completionNote: string | null
  completionPhotos: string[]
  completedAt: Date | null
  reopenCount: number
  rating: RatingDoc | null
  timeline: TimelineEntry[]
  createdAt: Date
  updatedAt: Date
}

/** Repairs' view of a technician: availability and the round-robin position. Keyed by staff openid. */
export interface TechnicianDoc {
  _id: string
  communityId: string
  staffId: string
  name: string
  /** Off duty, on leave: skipped by automatic dispatch and refused for manual assignment. */
  available: boolean
  /** Grids this technician serves; empty = the whole community. */
  gridIds: string[]
  /** Round robin: the eligible technician assigned longest ago goes next. */
  lastAssignedAt: Date | null
  updatedAt: Date
}

/** Satisfaction sums kept on write; averages are sums / count. One doc per scope and period. */
export interface SatisfactionDoc {
  _id: string
  scope: 'steward' | 'community'
  communityId: string
  stewardOpenid: string | null
  /** 'all' or a month in Asia/Shanghai, 'YYYY-MM'. */
  period: string
  count: number
  sums: { arrival: number; attitude: number; process: number; etiquette: number }
  updatedAt: Date
}

export const OPEN_STATUSES: RepairStatus[] = ['submitted', 'assigned', 'accepted', 'in_progress']
export const CLOSED_STATUSES: RepairStatus[] = ['completed', 'rated', 'cancelled']

/** The fields of a ticket nobody has worked on yet: no promise, no alert, no result, no rating. */
export function freshTicketFields(): Pick<
  TicketDoc,
  'promisedStart' | 'promisedEnd' | 'arriveDueAt' | 'slaAlert' | 'overdue' | 'breaches' | 'completionNote' | 'completionPhotos' | 'completedAt' | 'reopenCount' | 'rating'
> {
  return { promisedStart: null, promisedEnd: null, arriveDueAt: null, slaAlert: null, overdue: false, breaches: {}, completionNote: null, completionPhotos: [], completedAt: null, reopenCount: 0, rating: null }
}
