import { communitiesWhere } from '../../core/auth'
import type { opsGroupbuyActions } from '../../contracts/ops-groupbuy.schemas'
import { opsAccess } from '../../core/auth/caller-access'
import { createCampaign, publishCampaign } from '../../core/groupbuy/campaign-admin.service'
import { closeCampaignNow, closeDueCampaigns } from '../../core/groupbuy/closing.service'
import { groupbuyError } from '../../core/groupbuy/groupbuy-errors'
import { loadCampaign } from '../../core/groupbuy/groupbuy.store'
import { opsCampaigns } from '../../core/groupbuy/ops-campaigns.query'
import { forbidden } from '../../core/kernel/domain-error'
import type { OpsHandlers } from './ops-action'

/** Group-buy campaigns. Every action passes the ops gate of the campaign's community first. */
export const groupbuyOpsHandlers: OpsHandlers<typeof opsGroupbuyActions> = {
  groupbuyCreateCampaign: async (input, ctx) => {
    const access = await opsAccess(ctx, input.communityId)
    return createCampaign(ctx.platform, input, access.openid)
  },
  groupbuyPublishCampaign: async (input, ctx) => {
    const campaign = await loadCampaign(ctx.platform.db, input.campaignId)
    if (!campaign) throw groupbuyError('GROUPBUY.CAMPAIGN_NOT_FOUND')
    await opsAccess(ctx, campaign.communityId)
    return publishCampaign(ctx.platform, input.campaignId)
  },
  groupbuyCampaigns: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    return opsCampaigns(ctx.platform, input.communityId)
  },
  groupbuyCloseNow: async (input, ctx) => {
    const campaign = await loadCampaign(ctx.platform.db, input.campaignId)
    if (!campaign) throw groupbuyError('GROUPBUY.CAMPAIGN_NOT_FOUND')
    await opsAccess(ctx, campaign.communityId)
    return closeCampaignNow(ctx, campaign)
  },
  // The same job the timer runs, for every community: console, or ops of any community.
  groupbuyCloseDue: async (_input, ctx) => {
    if (ctx.caller.kind !== 'console' && communitiesWhere(await ctx.access(), 'community.manage').length === 0) throw forbidden()
    return closeDueCampaigns(ctx)
  },
}
