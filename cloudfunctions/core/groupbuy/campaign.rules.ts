import { groupbuyError } from './groupbuy-errors'
import type { CampaignDoc } from './groupbuy.model'

/**
 * Whether a household of `communityId` may order from the campaign at `now`. Checked by the checkout
 * handler before anything is written, and again by the reserve hook (the deadline may pass in between).
 */
export function assertOrderable(campaign: CampaignDoc | undefined, communityId: string, now: Date): asserts campaign is CampaignDoc {
  if (!campaign || campaign.status === 'draft') throw groupbuyError('GROUPBUY.CAMPAIGN_NOT_FOUND')
  if (campaign.communityId !== communityId) throw groupbuyError('GROUPBUY.WRONG_COMMUNITY')
  if (now.getTime() >= new Date(campaign.deadline).getTime()) throw groupbuyError('GROUPBUY.DEADLINE_PASSED')
  if (campaign.status !== 'open') throw groupbuyError('GROUPBUY.NOT_OPEN')
}

/** Households still needed to form. */
export function missingParticipants(campaign: Pick<CampaignDoc, 'minParticipants'>, participants: number): number {
  return Math.max(0, campaign.minParticipants - participants)
}

/** A deadline must be ahead; pickup starts no earlier than the deadline (goods are procured in between). */
export function assertSchedule(deadline: Date, pickup: { startsAt: Date; endsAt: Date }, now: Date): void {
  const ok = deadline.getTime() > now.getTime() && pickup.startsAt.getTime() >= deadline.getTime() && pickup.endsAt.getTime() > pickup.startsAt.getTime()
  if (!ok) throw groupbuyError('GROUPBUY.INVALID_SCHEDULE')
}
