import type { CallerAccess, Permission, ResourceScope } from '../../../cloudfunctions/core/auth/access.model'
import { POLICY } from '../../../cloudfunctions/core/auth/access.model'
import { authorize, can, communityWhere } from '../../../cloudfunctions/core/auth/authorize'
import { consoleOpsAccess } from '../../../cloudfunctions/core/auth/caller-access'
import { DomainError } from '../../../cloudfunctions/core/kernel/domain-error'

const C = 'c-1'
const nobody: CallerAccess = { openid: 'o-nobody', memberships: [], staff: [], stewardBuildingIds: [] }
const owner: CallerAccess = { ...nobody, openid: 'o-owner', memberships: [{ householdId: 'h-1', communityId: C, buildingId: 'b-1', role: 'owner' }] }
const family: CallerAccess = { ...nobody, openid: 'o-family', memberships: [{ householdId: 'h-1', communityId: C, buildingId: 'b-1', role: 'family' }] }
const steward: CallerAccess = { ...nobody, openid: 'o-steward', staff: [{ role: 'steward', communityId: C }], stewardBuildingIds: ['b-1'] }
const technician: CallerAccess = { ...nobody, openid: 'o-tech', staff: [{ role: 'technician', communityId: C }] }
const ops: CallerAccess = { ...nobody, openid: 'o-ops', staff: [{ role: 'ops', communityId: C }] }

const home: ResourceScope = { communityId: C, householdId: 'h-1', buildingId: 'b-1' }
const neighbour: ResourceScope = { communityId: C, householdId: 'h-2', buildingId: 'b-2' }
const otherCommunity: ResourceScope = { communityId: 'c-2', householdId: 'h-9', buildingId: 'b-9' }
const ticket: ResourceScope = { communityId: C, assigneeOpenid: 'o-tech' }

describe('authorization: the policy table decides, nothing else', () => {
  it.each<[string, CallerAccess, Permission, ResourceScope, boolean]>([
    ['owner reads own household', owner, 'household.read', home, true],
    ['owner reads a neighbour', owner, 'household.read', neighbour, false],
    ['family acts for own household', family, 'household.act', home, true],
    ['family manages members', family, 'household.manageMembers', home, false],
    ['owner manages members', owner, 'household.manageMembers', home, true],
    ['steward reads a household of the grid', steward, 'household.read', home, true],
    ['steward reads outside the grid', steward, 'household.read', neighbour, false],
    ['steward acts as a resident of the grid', steward, 'household.act', home, false],
    ['steward reads the grid', steward, 'grid.read', { communityId: C, buildingId: 'b-1' }, true],
    ['steward of c-1 with a b-1 in another community', steward, 'grid.read', { communityId: 'c-2', buildingId: 'b-1' }, false],
    ['technician works an assigned ticket', technician, 'ticket.work', ticket, true],
    ['technician works someone else’s ticket', technician, 'ticket.work', { communityId: C, assigneeOpenid: 'o-other' }, false],
    ['technician reads a household', technician, 'household.read', home, false],
    ['ops manages own community', ops, 'community.manage', { communityId: C }, true],
    ['ops manages another community', ops, 'community.manage', { communityId: 'c-2' }, false],
    ['ops reads a household of the community', ops, 'household.read', home, true],
    ['ops reads a household elsewhere', ops, 'household.read', otherCommunity, false],
    ['resident reads the community', family, 'community.read', { communityId: C }, true],
    ['a stranger reads the community', nobody, 'community.read', { communityId: C }, false],
    ['family lives in the community', family, 'community.resident', { communityId: C }, true],
    ['staff do not live in the community', ops, 'community.resident', { communityId: C }, false],
    ['a technician works in the community', technician, 'community.technician', { communityId: C }, true],
    ['a steward is not a technician', steward, 'community.technician', { communityId: C }, false],
    ['any staff role is community staff', technician, 'community.staff', { communityId: C }, true],
    ['a resident is not community staff', owner, 'community.staff', { communityId: C }, false],
    ['the owner owns the household', owner, 'household.own', home, true],
    ['family does not own it', family, 'household.own', home, false],
    ['the grid steward may reach the owner', steward, 'household.contact', home, true],
    ['ops may not use the relay call', ops, 'household.contact', home, false],
    ['the steward may not reach a household outside the grid', steward, 'household.contact', neighbour, false],
  ])('%s → %s', (_name, access, permission, resource, expected) => {
    expect(can(access, permission, resource)).toBe(expected)
  })

  it('authorize throws AUTH.FORBIDDEN with a Chinese message when no relation holds', () => {
    expect(() => authorize(owner, 'household.read', neighbour)).toThrow(DomainError)
    try {
      authorize(owner, 'household.read', neighbour)
    } catch (e) {
      expect(e).toMatchObject({ code: 'AUTH.FORBIDDEN', message: '没有权限进行此操作' })
    }
  })

  it('a caller with no relations is refused every permission in the policy', () => {
    for (const permission of Object.keys(POLICY) as Permission[]) {
      expect(can(nobody, permission, { ...home, assigneeOpenid: 'o-tech' })).toBe(false)
    }
  })

  it('communityWhere picks the first community of the first permission that holds anywhere, else AUTH.FORBIDDEN', () => {
    const both: CallerAccess = { ...nobody, openid: 'o-both', staff: [{ role: 'steward', communityId: 'c-2' }, { role: 'ops', communityId: C }], stewardBuildingIds: [] }
    expect(communityWhere(both, 'community.manage', 'community.steward')).toBe(C)
    expect(communityWhere(both, 'community.steward', 'community.manage')).toBe('c-2')
    expect(communityWhere(steward, 'community.manage', 'community.steward')).toBe(C)
    expect(() => communityWhere(owner, 'community.manage', 'community.steward')).toThrow(expect.objectContaining({ code: 'AUTH.FORBIDDEN' }))
  })

  it('the console acts as ops of exactly the community the event names', () => {
    const access = consoleOpsAccess(C)
    expect(can(access, 'community.manage', { communityId: C })).toBe(true)
    expect(can(access, 'household.manageMembers', home)).toBe(true)
    expect(can(access, 'community.manage', { communityId: 'c-2' })).toBe(false)
    expect(can(access, 'household.act', home)).toBe(false)
  })
})
