import { must } from '../kernel/db-result'
import { DomainError, forbidden } from '../kernel/domain-error'
import type { CallerAccess } from '../auth'
import type { OrderHookContext } from '../orders'
import { fulfilOrder } from '../orders'
import { loadOrder } from '../orders'
import { communityName, labelOfHousehold } from './caller-context'
import { groupbuyError } from './groupbuy-errors'
import { loadCampaign, loadEntry, moveStage } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, type EntryDoc, type EntryLine, type PickupCodeDoc } from './groupbuy.model'
import { shanghaiTime } from './groupbuy-notify'

export interface RedeemResult {
  orderId: string
  campaignTitle: string
  householdLabel: string
  lines: EntryLine[]
  amountFen: number
  pickedUpAt: string
}

/**
 * The steward hands over the goods: the code must exist, belong to a campaign of a community the caller
 * works in (steward or ops), and be awaiting pickup. Redeeming is one conditional update
 * (awaiting_pickup → picked_up), so two stewards scanning the same code at once hand over one parcel.
 * Then the order moves paid → fulfilled (commission accrues on fulfilment).
 */
export async function redeemPickup(ctx: OrderHookContext, access: CallerAccess, code: string): Promise<RedeemResult> {
  const db = ctx.platform.db
  const worksIn = new Set(access.staff.filter((s) => s.role === 'steward' || s.role === 'ops').map((s) => s.communityId))
  if (worksIn.size === 0) throw forbidden('只有网格管家或物业运营人员可以核销提货码')
  const claim = (must(await db.collection(GROUPBUY_COLLECTIONS.pickupCodes).doc(code).get()).data as PickupCodeDoc[])[0]
  if (!claim) throw groupbuyError('GROUPBUY.PICKUP_CODE_INVALID')
  if (!worksIn.has(claim.communityId)) throw groupbuyError('GROUPBUY.PICKUP_WRONG_COMMUNITY')
  const entry = await loadEntry(db, claim.orderId)
  // A claim the closing job made but never attached (it crashed, then another code won) is not a code.
  if (!entry || entry.pickupCode !== code) throw groupbuyError('GROUPBUY.PICKUP_CODE_INVALID')
  if (entry.stage === 'picked_up') await refuseAsRedeemed(ctx, entry)
  if (entry.stage !== 'awaiting_pickup') throw groupbuyError('GROUPBUY.PICKUP_NOT_READY')

  const now = ctx.now()
  if (!(await moveStage(db, entry._id, ['awaiting_pickup'], 'picked_up', now, { pickedUpAt: now, pickedUpBy: access.openid }))) {
    const fresh = await loadEntry(db, entry._id)
    if (fresh?.stage === 'picked_up') await refuseAsRedeemed(ctx, fresh)
    throw groupbuyError('GROUPBUY.PICKUP_NOT_READY')
  }
  await fulfilIfPaid(ctx, entry._id)
  const [campaign, name] = await Promise.all([loadCampaign(db, entry.campaignId), communityName(db, entry.communityId)])
  return {
    orderId: entry._id,
    campaignTitle: campaign?.title ?? '',
    householdLabel: await labelOfHousehold(db, entry.householdId, name),
    lines: entry.lines,
    amountFen: entry.amountFen,
    pickedUpAt: now.toISOString(),
  }
}

/** Also finishes the order move a crash may have left undone after an earlier redemption. */
async function refuseAsRedeemed(ctx: OrderHookContext, entry: EntryDoc): Promise<never> {
  await fulfilIfPaid(ctx, entry._id)
  const when = entry.pickedUpAt ? `（${shanghaiTime(new Date(entry.pickedUpAt))} 已提货）` : ''
  throw groupbuyError('GROUPBUY.PICKUP_ALREADY_REDEEMED', `该提货码已核销，不能重复提货${when}`)
}

async function fulfilIfPaid(ctx: OrderHookContext, orderId: string): Promise<void> {
  const order = await loadOrder(ctx.platform, orderId)
  if (order?.status !== 'paid') return
  try {
    await fulfilOrder(ctx, orderId, 'steward', '团购提货核销')
  } catch (e) {
    // A refund started meanwhile (ops): the goods were handed over all the same; ops sees it in the order timeline.
    if (!(e instanceof DomainError)) throw e
    ctx.platform.logger.warn('groupbuy.pickup.fulfil_skipped', { orderId, code: e.code })
  }
}
