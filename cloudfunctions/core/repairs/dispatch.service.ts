import type { Db } from '@cloudbase/database'
import { isDuplicateKey, must } from '../kernel/db-result'
import { COLLECTIONS } from '../households'
import type { StaffDoc } from '../households'
import { REPAIR_COLLECTIONS, type TechnicianDoc } from './repair.model'

export interface GridRef {
  gridId: string
  stewardOpenid: string
}

/** The grid (and so the home steward) a building belongs to, if any. */
export async function gridOfBuilding(db: Db, communityId: string, buildingId: string): Promise<GridRef | null> {
  const rows = must(await db.collection(COLLECTIONS.grids).where({ communityId, buildingIds: buildingId }).limit(1).get()).data as { _id: string; stewardOpenid: string }[]
  return rows[0] ? { gridId: rows[0]._id, stewardOpenid: rows[0].stewardOpenid } : null
}

/**
 * Every active technician of the community with their repairs profile. A technician added by ops in the
 * staff registry gets a default profile (available, whole community) the first time dispatch sees them.
 */
export async function technicianPool(db: Db, communityId: string, now: Date): Promise<TechnicianDoc[]> {
  const [staffRes, profileRes] = await Promise.all([
    db.collection(COLLECTIONS.staff).where({ communityId, role: 'technician', status: 'active' }).limit(200).get(),
    db.collection(REPAIR_COLLECTIONS.technicians).where({ communityId }).limit(200).get(),
  ])
  const staff = must(staffRes).data as StaffDoc[]
  const profiles = new Map((must(profileRes).data as TechnicianDoc[]).map((p) => [p._id, p]))
  const pool: TechnicianDoc[] = []
  for (const s of staff) {
    let p = profiles.get(s.openid)
    if (!p) {
      p = { _id: s.openid, communityId, staffId: s._id, name: s.name, available: true, gridIds: [], lastAssignedAt: null, updatedAt: now }
      try {
        must(await db.collection(REPAIR_COLLECTIONS.technicians).add(p))
      } catch (e) {
        if (!isDuplicateKey(e)) throw e
      }
    }
    pool.push({ ...p, name: s.name, staffId: s._id })
  }
  return pool
}

/** Each lost race means another filing won a turn; a burst of N concurrent filings needs about N rounds. */
const MAX_CLAIM_ATTEMPTS = 10

const rrKey = (t: TechnicianDoc) => (t.lastAssignedAt ? new Date(t.lastAssignedAt).getTime() : -1)

/**
 * Round robin among the available technicians serving the grid (a technician with no grids serves the
 * whole community): the one assigned longest ago goes next. The turn is claimed with a conditional update
 * on the value we read, so two tickets filed at the same moment go to different technicians; a lost race
 * re-reads and tries again. Returns null when nobody is available (the ticket then waits for a steward).
 */
export async function pickTechnician(db: Db, communityId: string, gridId: string | null, now: Date, prefer?: string | null): Promise<TechnicianDoc | null> {
  let chosen: TechnicianDoc | null = null
  for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
    const pool = await technicianPool(db, communityId, now)
    const eligible = pool.filter((t) => t.available && (t.gridIds.length === 0 || (gridId !== null && t.gridIds.includes(gridId))))
    if (eligible.length === 0) return null
    eligible.sort((a, b) => rrKey(a) - rrKey(b) || a._id.localeCompare(b._id))
    chosen = eligible.find((t) => t._id === prefer) ?? eligible[0]
    // Strictly after every turn we saw, so the order stays total even when the clock stands still (tests, same-ms calls).
    const stamp = new Date(Math.max(now.getTime(), Math.max(...pool.map(rrKey)) + 1))
    const claimed = must(
      await db
        .collection(REPAIR_COLLECTIONS.technicians)
        .where({ _id: chosen._id, lastAssignedAt: chosen.lastAssignedAt ?? null })
        .update({ lastAssignedAt: stamp, updatedAt: now }),
    )
    if (claimed.updated === 1) return { ...chosen, lastAssignedAt: stamp }
  }
  // Lost every race (a burst of filings): fairness may slip by one turn, but the ticket still gets a technician.
  return chosen
}

/** Manual assignment target: an active technician of the community by staff id, available. */
export async function technicianByStaffId(db: Db, communityId: string, staffId: string, now: Date): Promise<TechnicianDoc | null> {
  const pool = await technicianPool(db, communityId, now)
  return pool.find((t) => t.staffId === staffId) ?? null
}

/** Manual assignment takes a turn too, so automatic dispatch does not pile the next ticket on the same person. */
export async function recordManualTurn(db: Db, technicianOpenid: string, now: Date): Promise<void> {
  must(await db.collection(REPAIR_COLLECTIONS.technicians).doc(technicianOpenid).update({ lastAssignedAt: now, updatedAt: now }))
}
