import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { forbidden } from '../kernel/domain-error'
import { communityWhere, type CallerAccess } from '../auth'
import { technicianPool } from './dispatch.service'
import { REPAIR_COLLECTIONS } from './repair.model'

/** The community a steward or ops person dispatches for (ops work first, when someone has several). */
export function dispatchCommunity(access: CallerAccess): string {
  return communityWhere(access, 'community.manage', 'community.steward')
}

/** Technicians to pick from when reassigning, with how many open tickets each holds (one count per technician). */
export async function listTechnicians(platform: Platform, access: CallerAccess) {
  const db = platform.db
  const _ = db.command
  const communityId = dispatchCommunity(access)
  const pool = await technicianPool(db, communityId, platform.clock.now())
  const items = await Promise.all(
    pool.map(async (t) => {
      const res = must(await db.collection(REPAIR_COLLECTIONS.tickets).where({ assigneeOpenid: t._id, status: _.in(['assigned', 'accepted', 'in_progress']) }).count())
      return { technicianId: t.staffId, name: t.name, available: t.available, openTickets: res.total }
    }),
  )
  return { items: items.sort((a, b) => Number(b.available) - Number(a.available) || a.name.localeCompare(b.name, 'zh')) }
}

/** The technician's own duty card (their profile is created on first sight, like dispatch does). */
export async function myDuty(platform: Platform, access: CallerAccess) {
  const communityId = communityWhere(access, 'community.technician')
  const db = platform.db
  const me = (await technicianPool(db, communityId, platform.clock.now())).find((t) => t._id === access.openid)
  if (!me) throw forbidden()
  const open = must(await db.collection(REPAIR_COLLECTIONS.tickets).where({ assigneeOpenid: me._id, status: db.command.in(['assigned', 'accepted', 'in_progress']) }).count())
  return { name: me.name, available: me.available, openTickets: open.total }
}

/** A technician goes off or on duty; dispatch skips the unavailable. Tickets already theirs stay theirs. */
export async function setAvailability(platform: Platform, access: CallerAccess, available: boolean): Promise<{ available: boolean }> {
  const communityId = communityWhere(access, 'community.technician')
  const now = platform.clock.now()
  await technicianPool(platform.db, communityId, now)
  const res = must(await platform.db.collection(REPAIR_COLLECTIONS.technicians).doc(access.openid).update({ available, updatedAt: now }))
  if (res.updated === 0) {
    // updated is 0 both for "no such profile" and "already so": tell them apart with a read.
    const exists = (must(await platform.db.collection(REPAIR_COLLECTIONS.technicians).doc(access.openid).get()).data as unknown[]).length > 0
    if (!exists) throw forbidden()
  }
  return { available }
}
