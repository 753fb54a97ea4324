import type { opsDashboardActions } from '../../contracts/ops-dashboard.schemas'
import { opsAccess } from '../../core/auth/caller-access'
import { monthOf } from '../../core/metrics/month'
import { opsDashboard } from '../../core/metrics/ops-dashboard.query'
import { exportOpsDashboard } from '../../core/metrics/ops-export.service'
import type { OpsHandlers } from './ops-action'

/** The cross-area ops dashboard and its CSV export (docs/ops.md). */
export const dashboardOpsHandlers: OpsHandlers<typeof opsDashboardActions> = {
  opsDashboard: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    return opsDashboard(ctx.platform.db, input.communityId, input.month ?? monthOf(ctx.now()), ctx.now())
  },
  opsExport: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    return exportOpsDashboard(ctx.platform, input.communityId, input.month ?? monthOf(ctx.now()), ctx.requestId ?? `${ctx.now().getTime()}`)
  },
}
