import type { Platform } from '../kernel/platform'
import type { MyEntryDetail } from '../../contracts/groupbuy.contract'
import { ORDER_COLLECTIONS } from '../orders'
import { must } from '../kernel/db-result'
import type { GroupbuyCaller } from './caller-context'
import { imageUrls, iso, toCampaignCard } from './campaign-view'
import { communityName } from './caller-context'
import { missingParticipants } from './campaign.rules'
import { groupbuyError } from './groupbuy-errors'
import { loadCampaign, loadEntry, skusOfCampaign } from './groupbuy.store'
import { countParticipants } from './participants.query'
import { maskName } from '../households'
import { can } from '../auth'
import { pickLines } from './pickup-lookup'
import { stewardIdOf } from './touches.service'
import { ORDER_STATUS_FIELDS, codeVisible, entryDisplay, type OrderStatusPart } from './order-details'

/**
 * One of the caller's group-buy orders: the pickup code and items (with what was handed over), and the
 * campaign's progress ("差 N 户成团") so the page right after paying can ask the resident to invite
 * neighbours. Someone else's order id answers "not found", never "forbidden" (ids cannot be probed).
 */
export async function myEntry(platform: Platform, caller: GroupbuyCaller, orderId: string): Promise<MyEntryDetail> {
  const db = platform.db
  const entry = await loadEntry(db, orderId)
  const scope = entry && { communityId: entry.communityId, householdId: entry.householdId }
  const mine = entry && scope && (can(caller.access, 'household.readAll', scope) || (entry.payerOpenid === caller.access.openid && can(caller.access, 'household.act', scope)))
  if (!entry || !mine || entry.hold === 'pending') throw groupbuyError('GROUPBUY.ORDER_NOT_FOUND')
  const [campaign, participants, orderRes, stewardId, name] = await Promise.all([
    loadCampaign(db, entry.campaignId),
    countParticipants(db, [entry.campaignId]),
    db.collection(ORDER_COLLECTIONS.orders).doc(orderId).field(ORDER_STATUS_FIELDS).get(),
    stewardIdOf(db, caller.access, entry.communityId),
    communityName(db, entry.communityId),
  ])
  if (!campaign) throw groupbuyError('GROUPBUY.CAMPAIGN_NOT_FOUND')
  const [skus, urls] = await Promise.all([skusOfCampaign(db, campaign._id), imageUrls(platform, campaign.images.slice(0, 1))])
  const n = participants.get(campaign._id) ?? 0
  const now = platform.clock.now()
  const open = campaign.status === 'open' && now.getTime() < new Date(campaign.deadline).getTime()
  const order = (must(orderRes).data as OrderStatusPart[])[0]
  const status = order?.status ?? null
  const showCode = codeVisible(entry)
  return {
    orderId: entry._id,
    campaignId: entry.campaignId,
    campaignTitle: campaign.title,
    householdId: entry.householdId,
    stage: entry.stage,
    orderStatus: status,
    display: entryDisplay(entry, campaign, order),
    lines: entry.lines,
    amountFen: entry.amountFen,
    pickupCode: showCode ? entry.pickupCode : null,
    pickup: { point: campaign.pickup.point, startsAt: iso(campaign.pickup.startsAt), endsAt: iso(campaign.pickup.endsAt) },
    createdAt: iso(entry.createdAt),
    pickedUpAt: entry.pickedUpAt ? iso(entry.pickedUpAt) : null,
    pickLines: pickLines(entry),
    contactName: entry.contact?.name ? maskName(entry.contact.name) : null,
    note: entry.note ?? '',
    participants: n,
    minParticipants: campaign.minParticipants,
    missing: missingParticipants(campaign, n),
    campaignStatus: campaign.status,
    outcome: campaign.outcome,
    deadline: iso(campaign.deadline),
    shareable: open,
    viewerStewardId: stewardId,
    coverUrl: campaign.images[0] ? urls[campaign.images[0]] ?? null : null,
    priceFromFen: campaign.priceFromFen,
    originalPriceFromFen: toCampaignCard(campaign, skus, n, null).originalPriceFromFen,
    communityName: name,
  }
}
