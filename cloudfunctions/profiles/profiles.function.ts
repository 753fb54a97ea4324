import { profilesContract } from '../contracts/profiles.contract'
import { defineFunction, userOpenid } from '../runtime/define-function'
import {
  builderCatalog,
  conversionReport,
  defineTag,
  listSegments,
  markSlowMover,
  openPush,
  previewSegment,
  pushPreference,
  pushToSegment,
  runInterestTimer,
  saveSegment,
  setPushOptOut,
  recordConsent,
  slowMoverReport,
  tagHousehold,
} from '../core/profiles'

/** A timer run stops between pages after this long (the function's timeout is 60 s; the next tick resumes). */
const TIMER_BUDGET_MS = 45_000

/**
 * 住户画像与精准推送: a router only. Timer `profilesInterest` (hourly): dirty households, then once a day per
 * community the similarity rebuild and a resumable recompute of every household's interest and rule tags.
 */
export const profilesFunction = defineFunction(
  profilesContract,
  {
    catalog: (input, ctx) => builderCatalog(ctx, input.communityId),
    previewSegment: (input, ctx) => previewSegment(ctx, input.communityId, input.criteria),
    saveSegment: (input, ctx) => saveSegment(ctx, input),
    segments: (input, ctx) => listSegments(ctx, input.communityId),
    push: (input, ctx) => pushToSegment(ctx, input),
    conversion: (input, ctx) => conversionReport(ctx, input.communityId),
    tagHousehold: (input, ctx) => tagHousehold(ctx, input),
    defineTag: (input, ctx) => defineTag(ctx, input),
    slowMovers: (input, ctx) => slowMoverReport(ctx, input.communityId),
    markSlowMover: (input, ctx) => markSlowMover(ctx, input),
    pushSetting: (_input, ctx) => pushPreference(ctx.platform.db, userOpenid(ctx)),
    recordConsent: (input, ctx) => recordConsent(ctx.platform.db, userOpenid(ctx), input.template, input.answer, ctx.now()),
    setPushOptOut: (input, ctx) => setPushOptOut(ctx.platform.db, userOpenid(ctx), input.optedOut, ctx.now()),
    openPush: (input, ctx) => openPush(ctx, userOpenid(ctx), input.pushId),
    runInterest: (_input, ctx) => runInterestTimer(ctx.platform, { deadlineMs: TIMER_BUDGET_MS }),
  },
  {
    timers: {
      profilesInterest: async (ctx) => {
        await runInterestTimer(ctx.platform, { deadlineMs: TIMER_BUDGET_MS })
      },
    },
  },
)
