import { groupbuyContract } from '../contracts/groupbuy.contract'
import { defineFunction, userOpenid } from '../runtime/define-function'
import { loadAccess } from '../core/auth/load-access'
import { loadGroupbuyCaller } from '../core/groupbuy/caller-context'
import { campaignDetail, listCampaigns } from '../core/groupbuy/campaign.query'
import { checkout } from '../core/groupbuy/checkout.service'
import { closeDueCampaigns } from '../core/groupbuy/closing.service'
import { listMyEntries } from '../core/groupbuy/my-orders.query'
import { redeemPickup } from '../core/groupbuy/pickup.service'
import { recordTouch } from '../core/groupbuy/touches.service'

/** Residents browse and order, stewards redeem pickup codes; the closing job runs on a timer. */
export const groupbuyFunction = defineFunction(
  groupbuyContract,
  {
    campaigns: async (input, ctx) => listCampaigns(ctx.platform, await loadGroupbuyCaller(ctx.platform.db, userOpenid(ctx)), input),
    campaign: async (input, ctx) => ({ campaign: await campaignDetail(ctx.platform, await loadGroupbuyCaller(ctx.platform.db, userOpenid(ctx)), input.campaignId) }),
    placeOrder: async (input, ctx) => checkout(ctx, await loadGroupbuyCaller(ctx.platform.db, userOpenid(ctx)), input),
    myOrders: async (input, ctx) => listMyEntries(ctx.platform, await loadGroupbuyCaller(ctx.platform.db, userOpenid(ctx)), input),
    recordTouch: async (input, ctx) => recordTouch(ctx.platform, userOpenid(ctx), input),
    redeemPickup: async (input, ctx) => redeemPickup(ctx, await loadAccess(ctx.platform.db, userOpenid(ctx)), input.code),
  },
  { timers: { closeDue: (ctx) => closeDueCampaigns(ctx) } },
)
