import type { CallerAccess } from '../kernel/caller-access'

export type { CallerAccess }

/** What is being touched; `communityId` is always known, the rest when it applies. */
export interface ResourceScope {
  communityId: string
  householdId?: string
  buildingId?: string
  /** For repair tickets: the technician the ticket is assigned to. */
  assigneeOpenid?: string
}

/**
 * The policy, as data: for each permission, which relations between caller and resource allow it.
 * - member: caller belongs to resource.householdId (any member role) — "owner" requires the owner role
 * - householdWide: a member who sees the whole household (the owner; family/tenants as the owner set it)
 * - steward: resource.buildingId is in the caller's grid
 * - technician: caller is the assignee
 * - ops: caller is ops of resource.communityId
 * - communitySteward: caller is a steward in resource.communityId (whatever their grid)
 * - communityTechnician: caller is a technician in resource.communityId (whatever tickets they hold)
 */
export type Relation = 'member' | 'householdWide' | 'owner' | 'steward' | 'technician' | 'ops' | 'communityResident' | 'communityStaff' | 'communitySteward' | 'communityTechnician'

export const POLICY = {
  'household.read': ['member', 'steward', 'ops'],
  'household.manageMembers': ['owner', 'ops'],
  'household.act': ['member'],
  /** What only the household's owner may do (revoke any member's visitor pass). */
  'household.own': ['owner'],
  /** Reaching a household's owner about its arrears (relay call): the steward of its grid, nobody else. */
  'household.contact': ['steward'],
  /** Everyone's tickets and orders of the household, not only the caller's own. */
  'household.readAll': ['householdWide'],
  'household.resetBindLock': ['steward', 'ops'],
  'grid.read': ['steward', 'ops'],
  'community.read': ['communityResident', 'communityStaff'],
  /** Lives in the community: public-area repairs, group-buy demand. */
  'community.resident': ['communityResident'],
  /** Works in the community in any staff role. */
  'community.staff': ['communityStaff'],
  'community.manage': ['ops'],
  /** Steward work that is community-wide, not tied to a building (shops, community groups, the dashboard). */
  'community.steward': ['communitySteward'],
  /** Staff who run the community's day: its stewards and ops (grid screens, pickup points). */
  'community.lead': ['communitySteward', 'ops'],
  /** A technician's own day in a community: their queue, duty card and availability. */
  'community.technician': ['communityTechnician'],
  'ticket.work': ['technician'],
  'ticket.dispatch': ['steward', 'ops'],
} as const satisfies Record<string, readonly Relation[]>

export type Permission = keyof typeof POLICY
