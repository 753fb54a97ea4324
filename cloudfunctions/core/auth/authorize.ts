import { forbidden } from '../kernel/domain-error'
import { seesWholeHousehold } from './household-sharing'
import { POLICY, type CallerAccess, type Permission, type Relation, type ResourceScope } from './access.model'

const RELATION_CHECKS: Record<Relation, (a: CallerAccess, r: ResourceScope) => boolean> = {
  member: (a, r) => !!r.householdId && a.memberships.some((m) => m.householdId === r.householdId),
  householdWide: (a, r) => !!r.householdId && a.memberships.some((m) => m.householdId === r.householdId && (m.wide ?? seesWholeHousehold(m.role, null))),
  owner: (a, r) => !!r.householdId && a.memberships.some((m) => m.householdId === r.householdId && m.role === 'owner'),
  steward: (a, r) =>
    !!r.buildingId && a.staff.some((s) => s.role === 'steward' && s.communityId === r.communityId) && a.stewardBuildingIds.includes(r.buildingId),
  technician: (a, r) => !!r.assigneeOpenid && r.assigneeOpenid === a.openid && a.staff.some((s) => s.role === 'technician' && s.communityId === r.communityId),
  ops: (a, r) => a.staff.some((s) => s.role === 'ops' && s.communityId === r.communityId),
  communityResident: (a, r) => a.memberships.some((m) => m.communityId === r.communityId),
  communityStaff: (a, r) => a.staff.some((s) => s.communityId === r.communityId),
  communitySteward: (a, r) => a.staff.some((s) => s.role === 'steward' && s.communityId === r.communityId),
  communityTechnician: (a, r) => a.staff.some((s) => s.role === 'technician' && s.communityId === r.communityId),
}

/** True when any relation the policy lists for the permission holds between caller and resource. */
export function can(access: CallerAccess, permission: Permission, resource: ResourceScope): boolean {
  return POLICY[permission].some((relation) => RELATION_CHECKS[relation](access, resource))
}

/** The single gate every function uses; throws AUTH.FORBIDDEN before anything is written. */
export function authorize(access: CallerAccess, permission: Permission, resource: ResourceScope): void {
  if (!can(access, permission, resource)) throw forbidden()
}

/**
 * The communities in which the caller holds a permission (among the communities they belong to or staff),
 * in the order the registry gave them: for screens where the caller has not named a community yet.
 */
export function communitiesWhere(access: CallerAccess, permission: Permission): string[] {
  const known = [...new Set([...access.staff.map((s) => s.communityId), ...access.memberships.map((m) => m.communityId)])]
  return known.filter((communityId) => can(access, permission, { communityId }))
}

/**
 * The one community a screen works in when the caller has not named one: the first community where the
 * first of these permissions holds (so `('community.manage', 'community.steward')` prefers ops work over
 * steward work); AUTH.FORBIDDEN when none holds anywhere.
 */
export function communityWhere(access: CallerAccess, ...permissions: Permission[]): string {
  for (const permission of permissions) {
    const first = communitiesWhere(access, permission)[0]
    if (first) return first
  }
  throw forbidden()
}
