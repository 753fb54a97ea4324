import { eventsContract } from '../contracts/events.contract'
import { defineFunction } from '../runtime/define-function'
import { cancelSignup, eventDetail, listForResident, signUp } from '../core/events/signup.service'
import { cancelEvent, createEvent, manageList } from '../core/events/event-admin.service'
import { scan } from '../core/events/check-in.service'
import { currentCode } from '../core/events/event-code.query'
import { attendance } from '../core/events/attendance.query'
import { listCosts, reviewCost, submitCost } from '../core/events/costs.service'
import { listActivities, roiReport } from '../core/events/roi.query'
import { setActivitySettings } from '../core/events/activity-settings.service'
import { purgeCodeUses, reportPending } from '../core/events/report-attendance'

export const eventsFunction = defineFunction(
  eventsContract,
  {
    list: async (input, ctx) => listForResident(ctx, input.householdId),
    detail: async (input, ctx) => eventDetail(ctx, input.eventId, input.householdId),
    signUp: async (input, ctx) => signUp(ctx, input.eventId, input.householdId),
    cancelSignup: async (input, ctx) => cancelSignup(ctx, input.eventId, input.householdId),
    scan: async (input, ctx) => scan(ctx, input),
    create: async (input, ctx) => createEvent(ctx, input),
    cancel: async (input, ctx) => cancelEvent(ctx, input.eventId),
    manageList: async (input, ctx) => manageList(ctx, input.communityId),
    code: async (input, ctx) => currentCode(ctx, input.eventId),
    attendance: async (input, ctx) => attendance(ctx, input.eventId),
    activities: async (input, ctx) => listActivities(ctx, input.communityId),
    submitCost: async (input, ctx) => submitCost(ctx, input),
    costs: async (input, ctx) => listCosts(ctx, input),
    reviewCost: async (input, ctx) => reviewCost(ctx, input),
    roi: async (input, ctx) => roiReport(ctx, input.communityId),
    activitySettings: async (input, ctx) => setActivitySettings(ctx, input),
  },
  { timers: { reportAttendance: async (ctx) => ({ ...(await reportPending(ctx.platform)), purged: await purgeCodeUses(ctx.platform, ctx.now()) }) } },
)
