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
 * - steward: resource.buildingId is in the caller's grid
 * - technician: caller is the assignee
 * - ops: caller is ops of resource.communityId
 */
export type Relation = 'member' | 'owner' | 'steward' | 'technician' | 'ops' | 'communityResident' | 'communityStaff'

export const POLICY = {
  'household.read': ['member', 'steward', 'ops'],
  'household.manageMembers': ['owner', 'ops'],
  'household.act': ['member'],
  'grid.read': ['steward', 'ops'],
  'community.read': ['communityResident', 'communityStaff'],
  'community.manage': ['ops'],
  'ticket.work': ['technician'],
  'ticket.dispatch': ['steward', 'ops'],
} as const satisfies Record<string, readonly Relation[]>

export type Permission = keyof typeof POLICY
