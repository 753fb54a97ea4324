import type { Platform } from '../kernel/platform'
import type { WorkbenchOutput } from '../../contracts/households-workbench.schemas'
import type { CallerAccess } from '../kernel/caller-access'
import { opsBoard } from './ops-board.query'
import { stewardBoard } from './steward-board.query'
import { technicianBoard } from './technician-board.query'

/**
 * A board per staff role the caller holds (their first community for each role), so a person who is both
 * steward and resident, or technician and ops, gets every workbench from one call and switches in the app.
 * Residents without a staff role get three nulls: no board, no cost.
 */
export async function workbench(platform: Platform, access: CallerAccess): Promise<WorkbenchOutput> {
  const first = (role: 'technician' | 'steward' | 'ops') => access.staff.find((s) => s.role === role)?.communityId ?? null
  const tech = first('technician')
  const steward = first('steward')
  const ops = first('ops')
  const [t, s, o] = await Promise.all([
    tech ? technicianBoard(platform, access, tech) : null,
    steward ? stewardBoard(platform, access, steward) : null,
    ops ? opsBoard(platform.db, ops, platform.clock.now()) : null,
  ])
  return { technician: t, steward: s, ops: o }
}
