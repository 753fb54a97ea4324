import type { MemberRole } from '../kernel/caller-access'

/**
 * Who in a household sees the household's tickets and orders, not only their own: the owner always (it is
 * their property); family and tenants as the owner decides, by default family yes (one home, one set of
 * chores) and tenants no (a tenant need not see the owner's or other occupants' repairs and purchases).
 */
export interface HouseholdSharing {
  family: boolean
  tenant: boolean
}

export const DEFAULT_SHARING: HouseholdSharing = { family: true, tenant: false }

export function sharingOf(stored: Partial<HouseholdSharing> | null | undefined): HouseholdSharing {
  return { ...DEFAULT_SHARING, ...(stored ?? {}) }
}

export function seesWholeHousehold(role: MemberRole, sharing: Partial<HouseholdSharing> | null | undefined): boolean {
  return role === 'owner' || sharingOf(sharing)[role]
}
