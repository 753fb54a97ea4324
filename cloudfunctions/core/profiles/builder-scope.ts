import { can, type CallerAccess } from '../auth'
import { forbidden } from '../kernel/domain-error'

/**
 * Which buildings of a community the caller may target: ops every building (null = no cut), a steward
 * only their grid. Anyone else is refused — and residents never reach this (the contract's audience).
 */
export interface BuilderScope {
  communityId: string
  role: 'ops' | 'steward'
  /** null: the whole community. */
  buildingIds: string[] | null
}

export function builderScope(access: CallerAccess, communityId: string): BuilderScope {
  if (can(access, 'community.manage', { communityId })) return { communityId, role: 'ops', buildingIds: null }
  if (can(access, 'community.steward', { communityId })) return { communityId, role: 'steward', buildingIds: [...access.stewardBuildingIds] }
  throw forbidden()
}

/** The buildings a segment may reach: what it asks for, cut to the scope; a steward asking outside their grid is refused. */
export function targetBuildings(scope: BuilderScope, asked: readonly string[]): string[] | null {
  if (scope.buildingIds === null) return asked.length ? [...asked] : null
  const mine = new Set(scope.buildingIds)
  if (asked.some((b) => !mine.has(b))) throw forbidden('只能选择自己网格内的楼栋')
  return asked.length ? [...asked] : [...mine]
}
