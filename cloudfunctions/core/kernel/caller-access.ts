/** Roles as stored on residents and staff (core/households/household.model.ts uses these). */
export type MemberRole = 'owner' | 'family' | 'tenant'
export type StaffRole = 'steward' | 'technician' | 'ops' | 'merchant'

/**
 * Everything authorization needs to know about a caller: resolved once per call by the runtime from the
 * live registry (active memberships and active staff rows only, so a removal is effective at once).
 */
export interface CallerAccess {
  openid: string
  /**
   * `wide`: whether this member sees the whole household's tickets and orders, or only their own — the
   * owner's setting for family and tenants (core/auth/household-sharing.ts); absent = the default for the role.
   */
  memberships: { householdId: string; communityId: string; buildingId: string; role: MemberRole; wide?: boolean }[]
  staff: { role: StaffRole; communityId: string }[]
  /** Buildings of the grids this caller stewards. */
  stewardBuildingIds: string[]
}
