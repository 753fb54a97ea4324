import { can } from '../auth'
import type { Platform } from '../kernel/platform'
import type { CampaignCard, CampaignDetail } from '../../contracts/groupbuy.contract'
import { must } from '../kernel/db-result'
import { forbidden } from '../kernel/domain-error'
import { communityName, homeCommunityOf, householdIn, labelOfHousehold, type GroupbuyCaller } from './caller-context'
import { imageUrls, iso, toCampaignCard, toSkuView } from './campaign-view'
import { requirePublishedCampaign, skusOfCampaign, skusOfCampaigns } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, type CampaignDoc } from './groupbuy.model'
import { countParticipants } from './participants.query'
import { defaultContact, latestJoiners } from './joiners.query'
import { stewardIdOf } from './touches.service'

/** One page of a community's published campaigns, latest deadline first (so open ones lead). */
export async function listCampaigns(
  platform: Platform,
  caller: GroupbuyCaller,
  input: { communityId?: string; offset: number; limit: number },
): Promise<{ communityId: string | null; items: CampaignCard[]; hasMore: boolean }> {
  const communityId = input.communityId ?? homeCommunityOf(caller)
  if (!communityId) return { communityId: null, items: [], hasMore: false }
  const visible = can(caller.access, 'community.read', { communityId })
  if (!visible) throw forbidden()
  const db = platform.db
  const _ = db.command
  const rows = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.campaigns)
      .where({ communityId, status: _.in(['open', 'closing', 'closed']) })
      .orderBy('deadline', 'desc')
      .skip(input.offset)
      .limit(input.limit + 1)
      .get(),
  ).data as CampaignDoc[]
  const page = rows.slice(0, input.limit)
  const ids = page.map((c) => c._id)
  const [skus, participants, urls] = await Promise.all([
    skusOfCampaigns(db, ids),
    countParticipants(db, ids),
    imageUrls(platform, page.flatMap((c) => c.images.slice(0, 1))),
  ])
  const items = page.map((c) =>
    toCampaignCard(c, skus.filter((s) => s.campaignId === c._id), participants.get(c._id) ?? 0, c.images[0] ? urls[c.images[0]] ?? null : null),
  )
  return { communityId, items, hasMore: rows.length > input.limit }
}

/**
 * A campaign as its page shows it. Anyone may look (a share card travels beyond the community); only a
 * member household of the campaign's community may order, and `blockedReason` says why not otherwise.
 */
export async function campaignDetail(platform: Platform, caller: GroupbuyCaller, campaignId: string): Promise<CampaignDetail> {
  const db = platform.db
  const campaign = await requirePublishedCampaign(db, campaignId)
  const now = platform.clock.now()
  const householdId = householdIn(caller, campaign.communityId)
  const skus = await skusOfCampaign(db, campaign._id)
  const [participants, urls, name, stewardId, joiners, contact] = await Promise.all([
    countParticipants(db, [campaign._id]),
    imageUrls(platform, [...campaign.images, ...skus.flatMap((s) => (s.image ? [s.image] : []))]),
    communityName(db, campaign.communityId),
    stewardIdOf(db, caller.access, campaign.communityId),
    latestJoiners(db, campaign._id),
    householdId ? defaultContact(db, householdId) : Promise.resolve(null),
  ])
  const card = toCampaignCard(campaign, skus, participants.get(campaign._id) ?? 0, campaign.images[0] ? urls[campaign.images[0]] ?? null : null)
  const ended = campaign.status !== 'open' || now.getTime() >= new Date(campaign.deadline).getTime()
  const blockedReason = ended
      ? '团购已截止'
      : !householdId
        ? `仅限${name || '本小区'}已绑定房屋的住户参团`
        : card.soldOut
          ? '商品已售罄'
          : null
  return {
    ...card,
    description: campaign.description,
    imageUrls: campaign.images.map((id) => urls[id]).filter((u): u is string => !!u),
    skus: skus.map((s) => toSkuView(s, urls)),
    pickup: { point: campaign.pickup.point, startsAt: iso(campaign.pickup.startsAt), endsAt: iso(campaign.pickup.endsAt) },
    communityName: name,
    household: householdId ? { householdId, label: await labelOfHousehold(db, householdId, name) } : null,
    canOrder: blockedReason === null,
    blockedReason,
    viewerStewardId: stewardId,
    serverNow: iso(now),
    joiners,
    contact,
    shareable: !ended,
  }
}
