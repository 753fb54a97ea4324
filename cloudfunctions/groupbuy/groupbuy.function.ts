import { groupbuyContract } from '../contracts/groupbuy.contract'
import { defineFunction, userOpenid } from '../runtime/define-function'
import { loadGroupbuyCaller } from '../core/groupbuy/caller-context'
import { campaignDetail, listCampaigns } from '../core/groupbuy/campaign.query'
import { checkout, precheckCheckout } from '../core/groupbuy/checkout.service'
import { closeDueCampaigns } from '../core/groupbuy/closing.service'
import { listMyEntries } from '../core/groupbuy/my-orders.query'
import { myEntry } from '../core/groupbuy/my-order.query'
import { lookupPickup, redeemPickup, undoPickup } from '../core/groupbuy/pickup.service'
import { fulfilPickedUp } from '../core/groupbuy/pickup-fulfilment'
import { todayPickups } from '../core/groupbuy/today-pickups.query'
import { isDomainCode, withGuessLimit } from '../core/kernel/guess-limit'
import { recordPageTouch } from '../core/attribution/touch.service'
import { campaignChanges, closeCampaignEarly, createManagedCampaign, extendCampaign, manageCampaigns } from '../core/groupbuy/campaign-manage.service'
import { CAMPAIGN_TEMPLATES } from '../core/groupbuy/campaign-templates'
import { closeDuePolls, openPoll, registerIntent, withdrawIntent } from '../core/groupbuy/poll.service'
import { listPolls, pollView } from '../core/groupbuy/poll.query'

const PICKUP_GUESS = isDomainCode('GROUPBUY.PICKUP_CODE_INVALID', 'GROUPBUY.PICKUP_WRONG_COMMUNITY')

/** Residents browse, order and register intent; stewards hand over goods and run campaigns and polls; timers close. */
export const groupbuyFunction = defineFunction(
  groupbuyContract,
  {
    campaigns: async (input, ctx) => listCampaigns(ctx.platform, await loadGroupbuyCaller(ctx.platform.db, userOpenid(ctx), ctx.access()), input),
    campaign: async (input, ctx) => ({ campaign: await campaignDetail(ctx.platform, await loadGroupbuyCaller(ctx.platform.db, userOpenid(ctx), ctx.access()), input.campaignId) }),
    // The caller's access was loaded once by the audience gate (ctx.access); checkout needs nothing else about them.
    placeOrder: async (input, ctx) => checkout(ctx, await ctx.access(), input),
    myOrders: async (input, ctx) => listMyEntries(ctx.platform, await loadGroupbuyCaller(ctx.platform.db, userOpenid(ctx), ctx.access()), input),
    myOrder: async (input, ctx) => ({ entry: await myEntry(ctx.platform, await loadGroupbuyCaller(ctx.platform.db, userOpenid(ctx), ctx.access()), input.orderId) }),
    recordTouch: async (input, ctx) => recordPageTouch(ctx.platform, userOpenid(ctx), { ...input, source: 'groupbuy_share' }),
    // Pickup codes are 8 digits: wrong ones (unknown, or another community's) are counted per steward.
    pickupLookup: async (input, ctx) => {
      const access = await ctx.access()
      return withGuessLimit(ctx.platform.db, 'pickup', access.openid, ctx.now(), () => lookupPickup(ctx, access, input.code), PICKUP_GUESS)
    },
    redeemPickup: async (input, ctx) => {
      const access = await ctx.access()
      return withGuessLimit(ctx.platform.db, 'pickup', access.openid, ctx.now(), () => redeemPickup(ctx, access, input), PICKUP_GUESS)
    },
    undoPickup: async (input, ctx) => undoPickup(ctx, await ctx.access(), input.redemptionId),
    todayPickups: async (input, ctx) => todayPickups(ctx.platform, await ctx.access(), input),
    manageCampaigns: async (_input, ctx) => manageCampaigns(ctx, await ctx.access()),
    campaignTemplates: async () => ({ templates: CAMPAIGN_TEMPLATES }),
    createCampaign: async (input, ctx) => createManagedCampaign(ctx, await ctx.access(), input),
    extendCampaign: async (input, ctx) => extendCampaign(ctx, await ctx.access(), input),
    closeCampaign: async (input, ctx) => closeCampaignEarly(ctx, await ctx.access(), input),
    campaignChanges: async (input, ctx) => campaignChanges(ctx, await ctx.access(), input.campaignId),
    openPoll: async (input, ctx) => openPoll(ctx.platform, await ctx.access(), input),
    polls: async (input, ctx) => listPolls(ctx.platform, await ctx.access(), input.communityId),
    poll: async (input, ctx) => ({ poll: await pollView(ctx.platform, await ctx.access(), input.pollId) }),
    registerIntent: async (input, ctx) => registerIntent(ctx.platform, await ctx.access(), input),
    withdrawIntent: async (input, ctx) => withdrawIntent(ctx.platform, await ctx.access(), input),
  },
  {
    // A flash sale's refused attempts stay cheap: judged from two reads before the request id is recorded.
    prechecks: { placeOrder: async (input, ctx) => precheckCheckout(ctx, await ctx.access(), input) },
    timers: {
      closeDue: async (ctx) => {
        // Polls ride on the same minute timer: no new trigger to deploy, and both jobs are idempotent.
        await closeDuePolls(ctx.platform).catch((e: Error) => ctx.platform.logger.error('groupbuy.polls.close_failed', { errorMessage: e.message }))
        // Handovers whose undo window has passed: their orders are fulfilled (and commission accrues) now.
        await fulfilPickedUp(ctx).catch((e: Error) => ctx.platform.logger.error('groupbuy.pickup.fulfil_sweep_failed', { errorMessage: e.message }))
        return closeDueCampaigns(ctx)
      },
    },
  },
)
