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
  updatedAt: Date
}

export type MemberRole = 'owner' | 'family' | 'tenant'

export interface ResidentDoc {
  _id: string
  openid: string
  householdId: string
  communityId: string
  role: MemberRole
  status: 'active' | 'removed'
  boundAt: Date
  removedAt?: Date
}

export type StaffRole = 'steward' | 'technician' | 'ops'

export interface StaffDoc {
  _id: string
  openid: string
  communityId: string
  role: StaffRole
  name: string
  status: 'active' | 'removed'
}

export interface NoticeDoc {
  _id: string
  communityId: string
  title: string
  body: string
  pinned: boolean
  publishedAt: Date
}

export function householdLabel(communityName: string, h: Pick<HouseholdDoc, 'building' | 'unit' | 'room'>): string {
  return `${communityName} ${h.building}${h.unit}${h.room}`
}
