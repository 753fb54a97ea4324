import { eventsContract } from '../contracts/events.contract'
import { defineFunction } from '../runtime/define-function'
import { cancelSignup, eventDetail, joinWaitlist, listForResident, signUp } from '../core/events/signup.service'
import { createEvent, manageList } from '../core/events/event-admin.service'
import { editEvent } from '../core/events/event-edit.service'
import { cancelEvent } from '../core/events/event-cancel.service'
import { finishEventFollowUps } from '../core/events/event-follow-ups'
import { roiSettings, setRoiSettings } from '../core/events/roi-settings.service'
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
    joinWaitlist: async (input, ctx) => joinWaitlist(ctx, input.eventId, input.householdId),
    scan: async (input, ctx) => scan(ctx, input),
    create: async (input, ctx) => createEvent(ctx, input),
    edit: async (input, ctx) => editEvent(ctx, input),
    cancel: async (input, ctx) => cancelEvent(ctx, input.eventId, input.reason),
    manageList: async (input, ctx) => manageList(ctx, input.communityId),
    code: async (input, ctx) => currentCode(ctx, input.eventId),
    attendance: async (input, ctx) => attendance(ctx, input.eventId),
    activities: async (input, ctx) => listActivities(ctx, input.communityId),
    submitCost: async (input, ctx) => submitCost(ctx, input),
    costs: async (input, ctx) => listCosts(ctx, input),
    reviewCost: async (input, ctx) => reviewCost(ctx, input),
    roi: async (input, ctx) => roiReport(ctx, input.communityId),
    activitySettings: async (input, ctx) => setActivitySettings(ctx, input),
    roiSettings: async (input, ctx) => roiSettings(ctx, input.communityId),
    setRoiSettings: async (input, ctx) => setRoiSettings(ctx, input),
  },
  {
    timers: {
      // Every 5 min: attendance reports, replay-memory purge, and the follow-ups of cancels and waitlist promotions.
      reportAttendance: async (ctx) => ({ ...(await reportPending(ctx.platform)), purged: await purgeCodeUses(ctx.platform, ctx.now()), ...(await finishEventFollowUps(ctx.platform)) }),
    },
  },
)
