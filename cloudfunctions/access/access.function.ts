import { accessContract } from '../contracts/access.contract'
import { defineFunction, userOpenid, type ActionContext } from '../runtime/define-function'
import { activeDoors, doorsInScope, doorView, resolveMembership } from '../core/access/door-rights'
import { issueResidentPass } from '../core/access/pass-issuance.service'
import { remoteOpen } from '../core/access/remote-open.service'
import { createVisitorPass, listVisitorPasses, revokeVisitorPass } from '../core/access/visitor-pass.service'
import { issueVisitorCode, viewVisitorPass, visitorRemoteOpen } from '../core/access/visitor-use.service'
import { listAttempts } from '../core/access/access-log'
import { opsAccessLog } from '../core/access/ops-log.query'
import { readerVerify } from '../core/access/reader-verify.service'
import { purgeExpired } from '../core/access/pass-uses'
import { forbidden } from '../core/kernel/domain-error'

/** Mutations always carry a requestId from a WeChat user; the runtime refuses them otherwise. */
const opener = (ctx: ActionContext) => ({ openid: userOpenid(ctx), access: ctx.access, now: ctx.now(), requestId: ctx.requestId ?? ctx.invocationId })

export const accessFunction = defineFunction(
  accessContract,
  {
    myDoors: async (input, ctx) => {
      const membership = resolveMembership(await ctx.access(), input.householdId)
      const doors = doorsInScope(await activeDoors(ctx.platform.db, membership.communityId), membership)
      return { householdId: membership.householdId, communityId: membership.communityId, doors: doors.map(doorView) }
    },
    issuePass: async (input, ctx) => issueResidentPass(ctx.platform, await ctx.access(), ctx.now(), input.householdId),
    remoteOpen: async (input, ctx) => remoteOpen(ctx.platform, opener(ctx), input),
    createVisitorPass: async (input, ctx) => createVisitorPass(ctx.platform, await ctx.access(), ctx.now(), input),
    myVisitorPasses: async (input, ctx) => listVisitorPasses(ctx.platform, await ctx.access(), ctx.now(), input),
    revokeVisitorPass: async (input, ctx) => revokeVisitorPass(ctx.platform, ctx.access, ctx.now(), input.passId),
    visitorPass: async (input, ctx) => viewVisitorPass(ctx.platform, input, ctx.now()),
    visitorCode: async (input, ctx) => issueVisitorCode(ctx.platform, input, ctx.now()),
    visitorOpen: async (input, ctx) => visitorRemoteOpen(ctx.platform, opener(ctx), input),
    myAccessLog: async (input, ctx) => listAttempts(ctx.platform.db, { openid: userOpenid(ctx) }, input),
    accessLog: async (input, ctx) => opsAccessLog(ctx, input),
    readerVerify: async (input, ctx) => {
      // Door controllers call server-to-server (no OPENID); a WeChat user must not get a code oracle.
      if (ctx.caller.kind !== 'console') throw forbidden()
      return readerVerify(ctx.platform, input, ctx.now())
    },
  },
  {
    timers: { purgeExpired: async (ctx) => purgeExpired(ctx.platform.db, ctx.now()) },
    // Every scan is its own verification (a one-use pass scanned twice must be refused the second time).
    consoleRerunnable: ['readerVerify'],
  },
)
