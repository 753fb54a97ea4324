import type { OrderView, PaymentParams } from '../../contracts/orders.contract'
import { forbidden } from '../kernel/domain-error'
import { authorize } from '../auth'
import type { OrderHookContext } from '../orders'
import { placeOrder } from '../orders'
import { toOrderView } from '../orders'
import { assertOrderable } from './campaign.rules'
import type { GroupbuyCaller } from './caller-context'
import { groupbuyError } from './groupbuy-errors'
import { loadCampaign, skusOfCampaign } from './groupbuy.store'
import { SKU_REF_TYPE } from './groupbuy.model'
import { rememberCheckoutDetails } from './checkout-details'

export interface CheckoutInput {
  campaignId: string
  householdId: string
  items: { skuId: string; quantity: number }[]
  contact?: { name: string; phone?: string }
  note?: string
}

/**
 * Checkout: every rule that can be judged from a read is judged here, before anything is written (wrong
 * community, deadline, unknown SKU, over the per-order limit, visibly sold out). The authoritative checks
 * — stock and the household's limit across orders, under concurrency — happen in the reserve hook that
 * placeOrder runs; a refusal there leaves nothing behind either.
 */
export async function checkout(
  ctx: OrderHookContext & { requestId?: string },
  caller: GroupbuyCaller,
  input: CheckoutInput,
): Promise<{ order: OrderView; payment: PaymentParams | null }> {
  const db = ctx.platform.db
  const membership = caller.access.memberships.find((m) => m.householdId === input.householdId)
  if (!membership) throw forbidden('只能为自己绑定的房屋下单')
  authorize(caller.access, 'household.act', { communityId: membership.communityId, householdId: input.householdId, buildingId: membership.buildingId })
  const campaign = await loadCampaign(db, input.campaignId)
  assertOrderable(campaign, membership.communityId, ctx.now())

  const skus = new Map((await skusOfCampaign(db, campaign._id)).map((s) => [s._id, s]))
  const lines = input.items.map((item) => {
    const sku = skus.get(item.skuId)
    if (!sku) throw groupbuyError('GROUPBUY.SKU_NOT_FOUND')
    if (item.quantity > sku.limitPerHousehold) throw groupbuyError('GROUPBUY.LIMIT_EXCEEDED', `「${sku.title}」每户限购 ${sku.limitPerHousehold} 份`)
    if (sku.remaining < item.quantity) throw groupbuyError('GROUPBUY.SOLD_OUT', `「${sku.title}」库存不足`)
    return { refType: SKU_REF_TYPE, refId: sku._id, title: sku.title, quantity: item.quantity, unitPriceFen: sku.priceFen, amountFen: sku.priceFen * item.quantity }
  })
  if (!ctx.requestId) throw new Error('checkout needs the envelope requestId')
  const placed = await placeOrder(ctx, {
    type: 'groupbuy',
    householdId: input.householdId,
    communityId: membership.communityId,
    payerOpenid: caller.access.openid,
    lines,
    amountFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
    requestId: ctx.requestId,
    title: campaign.title,
  })
  if (input.contact || input.note) await rememberCheckoutDetails(ctx.platform, placed.order._id, input)
  const payment = placed.prepay ? { provider: placed.prepay.provider, prepayId: placed.prepay.prepayId, ...placed.prepay.params } : null
  return { order: toOrderView(ctx.platform, placed.order, [], caller.access.openid, ctx.now()), payment }
}
