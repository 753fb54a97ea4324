import type { Platform } from '../kernel/platform'
import type { WorkbenchOutput } from '../../contracts/households-workbench.schemas'
import { communitiesWhere, type CallerAccess } from '../auth'
import { opsBoard } from './ops-board.query'
import { stewardBoard } from './steward-board.query'
import { technicianBoard } from './technician-board.query'

/**
 * A board per staff role the caller holds (their first community for each role), so a person who is both
 * steward and resident, or technician and ops, gets every workbench from one call and switches in the app.
 * Residents without a staff role get three nulls: no board, no cost.
 */
export async function workbench(platform: Platform, access: CallerAccess): Promise<WorkbenchOutput> {
  const first = (permission: 'community.technician' | 'community.steward' | 'community.manage') => communitiesWhere(access, permission)[0] ?? null
  const tech = first('community.technician')
  const steward = first('community.steward')
  const ops = first('community.manage')
  const [t, s, o] = await Promise.all([
    tech ? technicianBoard(platform, access, tech) : null,
    steward ? stewardBoard(platform, access, steward) : null,
    ops ? opsBoard(platform.db, ops, platform.clock.now()) : null,
  ])
  return { technician: t, steward: s, ops: o }
}
