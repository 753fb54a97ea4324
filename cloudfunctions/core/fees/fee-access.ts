import type { Db } from '@cloudbase/database'
import type { ActionContext } from '../kernel/action-context'
import { must } from '../kernel/db-result'
import { forbidden } from '../kernel/domain-error'
import { DomainError } from '../kernel/domain-error'
import { FEE_ERROR_MESSAGES } from '../../contracts/errors/fees'
import type { CallerAccess } from '../auth'
import { authorize, can, communitiesWhere } from '../auth'
import { COLLECTIONS } from '../households'
import { householdLabel, type CommunityDoc, type HouseholdDoc } from '../households'

export type Membership = CallerAccess['memberships'][number]

/** The caller's households, or the one asked for (which must be theirs, or one a steward/ops may read). */
export async function householdsInView(ctx: ActionContext, householdId?: string): Promise<{ access: CallerAccess; householdIds: string[] }> {
  const access = await ctx.access()
  if (!householdId) return { access, householdIds: [...new Set(access.memberships.map((m) => m.householdId))] }
  const mine = access.memberships.find((m) => m.householdId === householdId)
  if (!mine) throw forbidden()
  return { access, householdIds: [householdId] }
}

/** Residents act (pay, ask for invoices) only on households they belong to. */
export function authorizeHouseholdAct(access: CallerAccess, bill: { communityId: string; householdId: string; buildingId: string }): void {
  authorize(access, 'household.act', { communityId: bill.communityId, householdId: bill.householdId, buildingId: bill.buildingId })
}

export function canReadHousehold(access: CallerAccess, h: { communityId: string; householdId: string; buildingId: string }): boolean {
  return can(access, 'household.read', h)
}

/**
 * The grid a steward works on: the community (given, or their only steward community) and its buildings.
 * Ops of the community see every building (the same screens serve them for follow-up).
 */
export async function gridInView(db: Db, access: CallerAccess, communityId?: string): Promise<{ communityId: string; buildingIds: string[] }> {
  const target = communityId ?? communitiesWhere(access, 'community.lead')[0]
  if (!target || !can(access, 'community.lead', { communityId: target })) throw forbidden()
  if (can(access, 'community.manage', { communityId: target })) {
    const buildings = must(await db.collection(COLLECTIONS.buildings).where({ communityId: target }).field({ _id: true }).limit(1000).get()).data as { _id: string }[]
    return { communityId: target, buildingIds: buildings.map((b) => b._id) }
  }
  const buildingIds = access.stewardBuildingIds
  if (buildingIds.length === 0) throw new DomainError('FEE.NO_GRID', FEE_ERROR_MESSAGES['FEE.NO_GRID'])
  return { communityId: target, buildingIds }
}

export type HouseholdBrief = Pick<HouseholdDoc, '_id' | 'communityId' | 'buildingId' | 'building' | 'unit' | 'room'> & { label: string }

/** Households with their display labels ("阳光花园 1栋1单元101"): two reads for up to 500 households. */
export async function householdBriefs(db: Db, ids: string[]): Promise<Map<string, HouseholdBrief>> {
  const out = new Map<string, HouseholdBrief>()
  if (ids.length === 0) return out
  const _ = db.command
  const unique = [...new Set(ids)].slice(0, 500)
  const households = must(
    await db.collection(COLLECTIONS.households).where({ _id: _.in(unique) }).field({ communityId: true, buildingId: true, building: true, unit: true, room: true }).limit(500).get(),
  ).data as HouseholdDoc[]
  const communityIds = [...new Set(households.map((h) => h.communityId))]
  const communities = must(await db.collection(COLLECTIONS.communities).where({ _id: _.in(communityIds) }).field({ name: true }).limit(100).get()).data as CommunityDoc[]
  const names = new Map(communities.map((c) => [c._id, c.name]))
  for (const h of households) out.set(h._id, { ...h, label: householdLabel(names.get(h.communityId) ?? '', h) })
  return out
}

/**
 * The households a steward is about to remind (or preview a reminder for), each checked against the grid:
 * one refused household refuses the whole call before anything is read further or written.
 */
export async function remindableHouseholds(ctx: ActionContext, householdIds: string[]): Promise<{ ids: string[]; briefs: Map<string, HouseholdBrief> }> {
  const ids = [...new Set(householdIds)]
  const access = await ctx.access()
  const briefs = await householdBriefs(ctx.platform.db, ids)
  for (const id of ids) {
    const h = briefs.get(id)
    if (!h) throw new DomainError('NOT_FOUND', '房屋不存在')
    authorize(access, 'grid.read', { communityId: h.communityId, buildingId: h.buildingId })
  }
  return { ids, briefs }
}
