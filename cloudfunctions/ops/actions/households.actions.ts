import type { opsHouseholdsActions } from '../../contracts/ops-households.schemas'
import { opsAccess } from '../../core/auth/caller-access'
import { upsertCommunity } from '../../core/households/community.service'
import { assignGrid } from '../../core/households/grid.service'
import { getHousehold } from '../../core/households/household-summary'
import { removeMember } from '../../core/households/members.service'
import { phonePepper } from '../../core/households/phone'
import { importRegistry } from '../../core/households/registry/registry-import.service'
import { addStaff, bootstrapOps, listStaff, removeStaff } from '../../core/households/staff.service'
import { handOverTickets } from '../../core/repairs'
import { userOpenid } from '../../runtime/define-function'
import type { OpsHandlers } from './ops-action'

/** Registry, grids, staff. Every action passes the ops gate for its community before touching data. */
export const householdsOpsHandlers: OpsHandlers<typeof opsHouseholdsActions> = {
  upsertCommunity: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    return upsertCommunity(ctx.platform.db, { ...input, now: ctx.now() })
  },
  importHouseholds: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    const summary = await importRegistry(ctx.platform.db, { ...input, now: ctx.now(), pepper: phonePepper(ctx.platform.env) })
    const { rejected, ...counts } = summary
    ctx.platform.logger.info('registry.imported', { ...counts, rejectedCount: rejected.length })
    return summary
  },
  assignGrid: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    const result = await assignGrid(ctx.platform.db, { ...input, now: ctx.now() })
    ctx.platform.logger.info('grid.assigned', { communityId: input.communityId, buildings: result.buildings.length, released: result.released.length })
    return result
  },
  addStaff: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    return addStaff(ctx.platform.db, { ...input, now: ctx.now() })
  },
  removeStaff: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    const removed = await removeStaff(ctx.platform.db, { ...input, now: ctx.now() })
    // Removal ends the person's access at once; their open tickets must not wait on them either.
    const tickets = input.role === 'technician' ? await handOverTickets(ctx.platform, input.communityId, input.openid) : { reassigned: 0, flagged: 0 }
    return { ...removed, reassignedTickets: tickets.reassigned, flaggedTickets: tickets.flagged }
  },
  listStaff: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    return listStaff(ctx.platform.db, input.communityId)
  },
  removeResident: async (input, ctx) => {
    const household = await getHousehold(ctx.platform.db, input.householdId)
    const access = await opsAccess(ctx, household.communityId)
    return removeMember(ctx.platform.db, access, input.householdId, input.memberId, ctx.now())
  },
  bootstrapOps: async (input, ctx) => {
    const result = await bootstrapOps(ctx.platform.db, ctx.platform.env, { ...input, openid: userOpenid(ctx), now: ctx.now() })
    ctx.platform.logger.warn('ops.bootstrapped', { communityId: input.communityId, staffId: result.staffId })
    return result
  },
}
