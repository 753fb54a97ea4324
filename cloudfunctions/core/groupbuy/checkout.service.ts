import type { OrderView, PaymentParams } from '../../contracts/orders.contract'
import { forbidden } from '../kernel/domain-error'
import { authorize } from '../auth'
import type { OrderHookContext } from '../orders'
import { placeOrder } from '../orders'
import { toOrderView } from '../orders'
import { assertOrderable } from './campaign.rules'
import type { CallerAccess } from '../auth'
import { groupbuyError } from './groupbuy-errors'
import { loadCampaign, skusOfCampaign } from './groupbuy.store'
import { SKU_REF_TYPE, type CampaignDoc, type SkuDoc } from './groupbuy.model'
import { rememberCheckoutDetails } from './checkout-details'
import { recentCampaignStock, rememberCampaignStock } from './sold-out-memo'
import { handOverCheckoutReads } from './checkout-reads'

export interface CheckoutInput {
  campaignId: string
  householdId: string
  items: { skuId: string; quantity: number }[]
  contact?: { name: string; phone?: string }
  note?: string
}

/**
 * Every rule of a checkout that can be judged from reads (wrong community, deadline, unknown SKU, over the
 * per-order limit, visibly sold out), with nothing written. It is also the placeOrder precheck, run before
 * the request id is even recorded: in a flash sale most attempts meet a sold-out SKU and are refused here
 * for two reads. The authoritative checks — stock and the household's limit across orders, under
 * concurrency — happen in the reserve hook that placeOrder runs; a refusal there leaves nothing behind either.
 */
export async function judgeCheckout(ctx: OrderHookContext, access: CallerAccess, input: CheckoutInput) {
  const db = ctx.platform.db
  const membership = access.memberships.find((m) => m.householdId === input.householdId)
  if (!membership) throw forbidden('只能为自己绑定的房屋下单')
  authorize(access, 'household.act', { communityId: membership.communityId, householdId: input.householdId, buildingId: membership.buildingId })
  const [campaign, skuList] = await Promise.all([loadCampaign(db, input.campaignId), skusOfCampaign(db, input.campaignId)])
  if (campaign) rememberCampaignStock(db, campaign, skuList)
  assertOrderable(campaign, membership.communityId, ctx.now())
  const skus = new Map(skuList.map((s) => [s._id, s]))
  const lines = input.items.map((item) => {
    const sku = skus.get(item.skuId)
    if (!sku) throw groupbuyError('GROUPBUY.SKU_NOT_FOUND')
    if (item.quantity > sku.limitPerHousehold) throw groupbuyError('GROUPBUY.LIMIT_EXCEEDED', `「${sku.title}」每户限购 ${sku.limitPerHousehold} 份`)
    if (sku.remaining < item.quantity) throw groupbuyError('GROUPBUY.SOLD_OUT', `「${sku.title}」库存不足`)
    return { refType: SKU_REF_TYPE, refId: sku._id, title: sku.title, quantity: item.quantity, unitPriceFen: sku.priceFen, amountFen: sku.priceFen * item.quantity }
  })
  return { membership, campaign, skus: skuList, lines }
}

/**
 * placeOrder's precheck: when this instance saw the campaign within the last second (sold-out-memo.ts) and
 * what it saw refuses the attempt for stock — and for nothing that comes before stock — the answer is the
 * same SOLD_OUT a fresh judge would give then, without a read. Anything else is judged from fresh reads.
 */
export async function precheckCheckout(ctx: OrderHookContext, access: CallerAccess, input: CheckoutInput): Promise<void> {
  const membership = access.memberships.find((m) => m.householdId === input.householdId)
  const seen = membership && recentCampaignStock(ctx.platform.db, input.campaignId)
  const short = seen ? soldOutIn(seen, membership.communityId, input.items, ctx.now()) : null
  if (short) {
    authorize(access, 'household.act', { communityId: membership!.communityId, householdId: input.householdId, buildingId: membership!.buildingId })
    throw groupbuyError('GROUPBUY.SOLD_OUT', `「${short.title}」库存不足`)
  }
  precheckJudgements.set(ctx, { input, judgement: await judgeCheckout(ctx, access, input) })
}

type Judgement = Awaited<ReturnType<typeof judgeCheckout>>
/** The precheck's judgement, per call (the runtime hands the precheck and the handler the same context object). */
const precheckJudgements = new WeakMap<object, { input: CheckoutInput; judgement: Judgement }>()

function takePrecheckJudgement(ctx: object, input: CheckoutInput): Judgement | undefined {
  const held = precheckJudgements.get(ctx)
  precheckJudgements.delete(ctx)
  return held && held.input === input ? held.judgement : undefined
}

/** The SKU judgeCheckout would refuse as sold out given `seen`, or null when it would refuse otherwise or accept. */
function soldOutIn(seen: { campaign: CampaignDoc; skus: SkuDoc[] }, communityId: string, items: CheckoutInput['items'], now: Date): SkuDoc | null {
  try {
    assertOrderable(seen.campaign, communityId, now)
  } catch {
    return null
  }
  for (const item of items) {
    const sku = seen.skus.find((s) => s._id === item.skuId)
    if (!sku || item.quantity > sku.limitPerHousehold) return null
    if (sku.remaining < item.quantity) return sku
  }
  return null
}

/**
 * Checkout: judged (or the judgement this call's precheck made from fresh reads a moment ago is taken over),
 * then the order is placed and its stock reserved. Taking the precheck's judgement over is safe because
 * everything in it that can change meanwhile — the deadline, the campaign's state, stock, the household's
 * limit — is checked again by the reserve hook, from its own reads, before anything is held.
 */
export async function checkout(
  ctx: OrderHookContext & { requestId?: string },
  access: CallerAccess,
  input: CheckoutInput,
): Promise<{ order: OrderView; payment: PaymentParams | null }> {
  const { membership, campaign, skus, lines } = takePrecheckJudgement(ctx, input) ?? (await judgeCheckout(ctx, access, input))
  if (!ctx.requestId) throw new Error('checkout needs the envelope requestId')
  handOverCheckoutReads(ctx, campaign, skus)
  const placed = await placeOrder(ctx, {
    type: 'groupbuy',
    householdId: input.householdId,
    communityId: membership.communityId,
    payerOpenid: access.openid,
    lines,
    amountFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
    requestId: ctx.requestId,
    title: campaign.title,
    offerId: campaign._id,
  })
  if (input.contact || input.note) await rememberCheckoutDetails(ctx.platform, placed.order._id, input)
  const payment = placed.prepay ? { provider: placed.prepay.provider, prepayId: placed.prepay.prepayId, ...placed.prepay.params } : null
  return { order: toOrderView(ctx.platform, placed.order, [], access.openid, ctx.now()), payment }
}
