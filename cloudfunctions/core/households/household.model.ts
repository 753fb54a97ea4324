import type { MemberRole, StaffRole } from '../kernel/caller-access'

export type { MemberRole, StaffRole }

/** Stored shapes of the registry and memberships (documents in CloudBase collections). */
export interface CommunityDoc {
  _id: string
  name: string
  city?: string
  createdAt: Date
}

export interface BuildingDoc {
  _id: string
  communityId: string
  name: string
}

export interface HouseholdDoc {
  _id: string
  communityId: string
  buildingId: string
  building: string
  unit: string
  room: string
  areaM2: number
  ownerName: string
  /** sha256 of the normalised phone with a per-deployment pepper; the number itself is never stored. */
  ownerPhoneHash: string
  ownerPhoneLast4: string
  /** The openid that proved ownership; set in the binding transaction so two owners can never race in. */
  ownerOpenid?: string | null
  /** The owner's choice of who sees the whole household's tickets and orders (core/auth/household-sharing.ts). */
  sharing?: { family: boolean; tenant: boolean }
  updatedAt: Date
}

export interface ResidentDoc {
  _id: string
  openid: string
  householdId: string
  communityId: string
  role: MemberRole
  /** pending: accepted an invite, waiting for the owner; only active members have any access. */
  status: MemberStatus
  boundAt: Date
  nickname?: string | null
  invitedBy?: string
  approvedAt?: Date
  removedAt?: Date
}

export type MemberStatus = 'pending' | 'active' | 'removed'


export interface StaffDoc {
  _id: string
  openid: string
  communityId: string
  role: StaffRole
  name: string
  status: 'active' | 'removed'
  updatedAt?: Date
}

/** A steward's buildings. The grid index below is what makes "no overlap" hold under concurrency. */
export interface GridDoc {
  _id: string
  communityId: string
  stewardOpenid: string
  buildingIds: string[]
  updatedAt: Date
}

/** One per community: buildingId → steward openid; every grid change commits through it in a transaction. */
export interface GridIndexDoc {
  _id: string
  owners: Record<string, string>
  updatedAt: Date
}

export interface InviteDoc {
  /** sha256 of the code: the code itself is only in the share card. */
  _id: string
  householdId: string
  communityId: string
  role: 'family' | 'tenant'
  createdBy: string
  createdAt: Date
  expiresAt: Date
  status: 'open' | 'used'
  usedBy?: string
  usedAt?: Date
}

export interface UserPrefsDoc {
  _id: string
  currentHouseholdId?: string
  updatedAt?: Date
}

export interface NoticeDoc {
  _id: string
  communityId: string
  title: string
  body: string
  pinned: boolean
  /** Pinned only until then (an outage notice stops being on top once the outage is over); absent = no end. */
  pinnedUntil?: Date | null
  /** Only residents of these buildings see it (staff see all); absent or empty = the whole community. */
  buildingIds?: string[]
  publishedAt: Date
}

export function householdLabel(communityName: string, h: Pick<HouseholdDoc, 'building' | 'unit' | 'room'>): string {
  return `${communityName} ${h.building}${h.unit}${h.room}`
}
