import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import { buildingNames, setGrid } from './grid.service'
import { householdError } from './household-errors'
import type { GridDoc, StaffDoc, StaffRole } from './household.model'
import { staffIdFor } from './ids'
import { requireCommunity } from './community.service'

export interface StaffRequest {
  communityId: string
  openid: string
  role: StaffRole
  now: Date
}

/** Staff are data: one document per (community, openid, role); re-adding a removed person reactivates them. */
export async function addStaff(db: Db, req: StaffRequest & { name: string }) {
  await requireCommunity(db, req.communityId)
  const { communityId, openid, role, name, now } = req
  const existing = (must(await db.collection(COLLECTIONS.staff).where({ communityId, openid, role }).limit(1).get()).data as StaffDoc[])[0]
  const staffId = existing?._id ?? staffIdFor(communityId, openid, role)
  must(await db.collection(COLLECTIONS.staff).doc(staffId).set({ communityId, openid, role, name, status: 'active', updatedAt: now }))
  return { staffId, created: existing?.status !== 'active' }
}

/** A removed steward's buildings are freed in the same call, so no grid points at a departed person. */
export async function removeStaff(db: Db, req: StaffRequest) {
  const { communityId, openid, role, now } = req
  const staff = (must(await db.collection(COLLECTIONS.staff).where({ communityId, openid, role, status: 'active' }).limit(1).get()).data as StaffDoc[])[0]
  if (!staff) throw householdError('STAFF.NOT_FOUND')
  // Grid first: should the call fail in between, the steward is still active and a retry finds them and
  // finishes. The other order left a removed steward owning buildings nobody could be given.
  const released = role === 'steward' ? (await setGrid(db, communityId, openid, [], now)).released : []
  must(await db.collection(COLLECTIONS.staff).doc(staff._id).update({ status: 'removed', updatedAt: now }))
  return { staffId: staff._id, releasedBuildings: await buildingNames(db, released) }
}

export async function listStaff(db: Db, communityId: string) {
  const [staffRes, gridRes] = await Promise.all([
    db.collection(COLLECTIONS.staff).where({ communityId, status: 'active' }).limit(1000).get(),
    db.collection(COLLECTIONS.grids).where({ communityId }).limit(1000).get(),
  ])
  const staff = must(staffRes).data as StaffDoc[]
  const grids = must(gridRes).data as GridDoc[]
  const names = new Map<string, string>()
  const allIds = [...new Set(grids.flatMap((g) => g.buildingIds))]
  ;(await buildingNames(db, allIds)).forEach((n, i) => names.set(allIds[i], n))
  return {
    staff: staff.map((s) => ({
      openid: s.openid,
      role: s.role,
      name: s.name,
      buildings: s.role === 'steward' ? (grids.find((g) => g.stewardOpenid === s.openid)?.buildingIds ?? []).map((b) => names.get(b) ?? b) : [],
    })),
  }
}

/**
 * The first ops person of a community, with no UI and no prior staff: their openid must be listed in
 * the function's BOOTSTRAP_OPS_OPENIDS, and the community must have no active ops yet. After that,
 * ops add each other with addStaff.
 */
export async function bootstrapOps(db: Db, env: Readonly<Record<string, string | undefined>>, req: { communityId: string; openid: string; name: string; now: Date }) {
  const allowed = (env.BOOTSTRAP_OPS_OPENIDS ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  if (!allowed.includes(req.openid)) throw householdError('OPS.BOOTSTRAP_REFUSED')
  await requireCommunity(db, req.communityId)
  const ops = must(await db.collection(COLLECTIONS.staff).where({ communityId: req.communityId, role: 'ops', status: 'active' }).limit(1).get()).data
  if (ops.length > 0) throw householdError('OPS.BOOTSTRAP_REFUSED')
  const { staffId } = await addStaff(db, { ...req, role: 'ops' })
  return { staffId }
}
