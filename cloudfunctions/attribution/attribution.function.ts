import { attributionContract } from '../contracts/attribution.contract'
import { defineFunction, userOpenid } from '../runtime/define-function'
import { must } from '../core/kernel/db-result'
import { COLLECTIONS } from '../core/households/registry-collections'
import type { CommunityDoc, StaffDoc } from '../core/households/household.model'
import { recordPageTouch } from '../core/attribution/touch.service'
import { findStatement, statementEntries, toStatementSummary } from '../core/attribution/statement.query'
import { settlePeriod } from '../core/attribution/settlement.service'
import { sweepAccruals } from '../core/attribution/accrual-sweep'
import { stewardDashboard, stewardSelf } from '../core/metrics/steward-dashboard.query'

/**
 * Steward attribution for the mini-program: touches from pages opened with a steward parameter, the
 * steward's dashboard and statements. Ops events live in the `ops` function (attribution.actions.ts).
 * Timer (hourly): the settlement of the last closed month plus the accrual sweep; both idempotent, so
 * all but the first runs of a month find nothing to do.
 */
export const attributionFunction = defineFunction(
  attributionContract,
  {
    recordTouch: async (input, ctx) => recordPageTouch(ctx.platform, userOpenid(ctx), input),
    dashboard: async (input, ctx) => stewardDashboard(ctx.platform.db, await ctx.access(), input, ctx.now()),
    statement: async (input, ctx) => {
      const me = await stewardSelf(ctx.platform.db, await ctx.access(), input.communityId)
      const statement = await findStatement(ctx.platform.db, me.openid, me.communityId, input.period)
      if (!statement) return { statement: null, entries: [], hasMore: false }
      return { statement: toStatementSummary(statement), ...(await statementEntries(ctx.platform.db, statement._id, input.offset, input.limit)) }
    },
    stewardCard: async (input, ctx) => {
      userOpenid(ctx)
      const db = ctx.platform.db
      const steward = (must(await db.collection(COLLECTIONS.staff).doc(input.stewardId).get()).data as StaffDoc[])[0]
      if (!steward || steward.role !== 'steward' || steward.status !== 'active') return null
      const community = (must(await db.collection(COLLECTIONS.communities).doc(steward.communityId).get()).data as CommunityDoc[])[0]
      return { stewardId: steward._id, name: steward.name, communityName: community?.name ?? '' }
    },
  },
  {
    timers: {
      monthlySettlement: async (ctx) => ({ sweep: await sweepAccruals(ctx), settlement: await settlePeriod(ctx) }),
    },
  },
)
