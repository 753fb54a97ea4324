import { randomBytes } from 'node:crypto'
import type { Platform } from '../kernel/platform'
import type { CreateCampaignInput } from '../../contracts/ops-groupbuy.schemas'
import { HOUSEHOLD_ERROR_MESSAGES } from '../../contracts/errors/households'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { COLLECTIONS } from '../households'
import { checkFiles, IMAGE_TYPES, type FileRules } from '../storage'
import { storageOf } from '../kernel/ports/storage.port'
import { assertSchedule } from './campaign.rules'
import { groupbuyError } from './groupbuy-errors'
import { loadCampaign } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type CampaignStatus, type SkuDoc } from './groupbuy.model'

/** Campaign images: uploaded by ops under groupbuy/ in cloud storage. */
export const CAMPAIGN_IMAGE_RULES: FileRules = { folder: 'groupbuy/', maxBytes: 5 * 1024 * 1024, contentTypes: IMAGE_TYPES, maxCount: 9 }

/**
 * Creates a campaign with its SKUs. Everything is checked before the first write; the SKUs are written
 * first and the campaign document last — its presence is what makes the campaign exist, so a crash in
 * between leaves only unreachable SKUs, never a campaign without stock.
 */
export async function createCampaign(
  platform: Platform,
  input: CreateCampaignInput,
  createdBy: string,
  /** A caller with a request id passes an id derived from it, so a retry rewrites the same campaign, never a second one. */
  fixedId?: string,
): Promise<{ campaignId: string; status: CampaignStatus }> {
  const db = platform.db
  const now = platform.clock.now()
  const deadline = new Date(input.deadline)
  const pickup = { point: input.pickup.point, startsAt: new Date(input.pickup.startsAt), endsAt: new Date(input.pickup.endsAt) }
  assertSchedule(deadline, pickup, now)
  const community = must(await db.collection(COLLECTIONS.communities).doc(input.communityId).get()).data as unknown[]
  if (community.length === 0) throw new DomainError('COMMUNITY.NOT_FOUND', HOUSEHOLD_ERROR_MESSAGES['COMMUNITY.NOT_FOUND'])
  const skuImages = input.skus.flatMap((s) => (s.image ? [s.image] : []))
  if (input.images.length > 0) await checkFiles(storageOf(platform), input.images, CAMPAIGN_IMAGE_RULES)
  if (skuImages.length > 0) await checkFiles(storageOf(platform), [...new Set(skuImages)], { ...CAMPAIGN_IMAGE_RULES, maxCount: 20 })

  const campaignId = fixedId ?? `gb_${randomBytes(10).toString('hex')}`
  const skus: SkuDoc[] = input.skus.map((s, i) => ({
    _id: `${campaignId}_s${i + 1}`,
    campaignId,
    communityId: input.communityId,
    title: s.title,
    priceFen: s.priceFen,
    stock: s.stock,
    remaining: s.stock,
    limitPerHousehold: s.limitPerHousehold,
    sort: i,
    holders: [],
    originalPriceFen: s.originalPriceFen ?? null,
    spec: s.spec,
    origin: s.origin,
    detail: s.detail,
    image: s.image ?? null,
  }))
  // With a fixed id the SKUs are set(), so a retry after a crash completes them (no order can hold them yet:
  // the campaign document, written last, does not exist).
  if (fixedId) for (const { _id, ...sku } of skus) must(await db.collection(GROUPBUY_COLLECTIONS.skus).doc(_id).set(sku))
  else must(await db.collection(GROUPBUY_COLLECTIONS.skus).add(skus))
  const campaign: CampaignDoc = {
    _id: campaignId,
    communityId: input.communityId,
    title: input.title,
    description: input.description,
    images: input.images,
    mode: input.mode,
    minParticipants: input.minParticipants,
    deadline,
    pickup,
    status: input.publish ? 'open' : 'draft',
    outcome: null,
    participantsAtClose: null,
    decidedAt: null,
    closedAt: null,
    priceFromFen: Math.min(...skus.map((s) => s.priceFen)),
    createdBy,
    createdAt: now,
    updatedAt: now,
  }
  if (fixedId) {
    const { _id, ...rest } = campaign
    must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).doc(_id).set(rest))
  } else must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).add(campaign))
  platform.logger.info('groupbuy.campaign.created', { campaignId, communityId: input.communityId, skus: skus.length, status: campaign.status })
  return { campaignId, status: campaign.status }
}

/** draft → open; the deadline must still be ahead. Publishing an open campaign again changes nothing. */
export async function publishCampaign(platform: Platform, campaignId: string): Promise<{ campaignId: string; status: CampaignStatus }> {
  const db = platform.db
  const campaign = await loadCampaign(db, campaignId)
  if (!campaign) throw groupbuyError('GROUPBUY.CAMPAIGN_NOT_FOUND')
  if (campaign.status === 'open') return { campaignId, status: 'open' }
  if (campaign.status !== 'draft') throw groupbuyError('GROUPBUY.NOT_DRAFT')
  assertSchedule(new Date(campaign.deadline), { startsAt: new Date(campaign.pickup.startsAt), endsAt: new Date(campaign.pickup.endsAt) }, platform.clock.now())
  must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ _id: campaignId, status: 'draft' }).update({ status: 'open', updatedAt: platform.clock.now() }))
  return { campaignId, status: 'open' }
}
