import type { ActionContext } from '../kernel/action-context'
import { DomainError, forbidden } from '../kernel/domain-error'
import { authorize, can } from '../auth'
import { loadCampaign } from '../groupbuy'
import type { SellerOption } from '../../contracts/merchants.schemas'
import { merchantsOf } from './merchant-admin.service'

/**
 * Who may name a seller: ops of the community for anything it sells; a steward only for a group buy they
 * started themselves (the seller picker of their 发起团购 form) — never a service, never a colleague's
 * campaign. The console (ops' own tool) passes.
 */
export async function assertMaySetSeller(ctx: ActionContext, input: { communityId: string; kind: 'groupbuy' | 'service'; refId: string }): Promise<void> {
  if (ctx.caller.kind === 'console') return
  const access = await ctx.access()
  if (can(access, 'community.manage', { communityId: input.communityId })) return
  authorize(access, 'community.lead', { communityId: input.communityId })
  if (input.kind !== 'groupbuy') throw forbidden('网格管家只能为自己发起的团购选择卖方')
  const campaign = await loadCampaign(ctx.platform.db, input.refId)
  if (!campaign || campaign.communityId !== input.communityId) throw new DomainError('MERCHANT.LISTING_NOT_FOUND')
  if (campaign.createdBy !== access.openid) throw forbidden('网格管家只能为自己发起的团购选择卖方')
}

/** The seller picker's choices: the community's active merchants, each with the 扣点 it defaults to. */
export async function sellerOptions(ctx: ActionContext, communityId: string): Promise<SellerOption[]> {
  authorize(await ctx.access(), 'community.lead', { communityId })
  const merchants = await merchantsOf(ctx.platform, communityId)
  return merchants.filter((m) => m.status === 'active').map((m) => ({ merchantId: m._id, name: m.name, defaultRateBp: m.defaultRateBp }))
}
