import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { ORDER_COLLECTIONS } from '../../../cloudfunctions/core/orders/order.model'
import { saveCommunityRules, DEFAULT_RULES } from '../../../cloudfunctions/core/attribution/settings'
import { MERCHANT_COLLECTIONS, type MerchantLedgerDoc, type MerchantStatementDoc, type ProfitShareDoc, type SplitDoc } from '../../../cloudfunctions/core/merchants/merchant.model'
import type { SandboxProfitSharing } from '../../../cloudfunctions/platform/local/sandbox-pay/profit-sharing.sandbox'
import { DEMO_MERCHANTS } from '../../../cloudfunctions/platform/local/demo/seeders/merchants-demo.seeder'
import { rid, type TestWorld } from '../../support/test-platform'
import { COMMUNITY, openAttributionWorld, type AttributionWorld } from '../attribution/attribution-test-kit'
import { ordersContract } from '../../../cloudfunctions/contracts/orders.contract'
import { callerIn } from '../../support/typed-world'

export { COMMUNITY, DEMO_MERCHANTS }
export { buy, fulfil, refund, hh } from '../attribution/attribution-test-kit'

/** A service item priced ¥123.45, sold by 洁家家政 at its default 8%; service commission set to 5%. */
export const ODD = { id: 'svc-odd', fen: 12345 }
export const OWNER = { openid: 'demo-owner', household: 'h-1-1-101' }
export const JIEJIA = DEMO_MERCHANTS.cleaning
export const XIANFENG = DEMO_MERCHANTS.fruit

export interface MerchantWorld extends AttributionWorld {
  sharing: SandboxProfitSharing
}

export async function openMerchantWorld(clockAt: string): Promise<MerchantWorld> {
  const w = await openAttributionWorld(clockAt)
  const now = w.clock.now()
  must(await w.platform.db.collection(ORDER_COLLECTIONS.serviceItems).doc(ODD.id).set({ communityId: COMMUNITY, title: '家电深度清洗', description: '测试用奇数价格', unitPriceFen: ODD.fen, unit: '次', active: true, sort: 9 }))
  await saveCommunityRules(w.platform.db, COMMUNITY, { ...DEFAULT_RULES, rates: { ...DEFAULT_RULES.rates, service: 500 } }, now)
  const set = await w.console('merchants', { action: 'setSeller', requestId: rid('seller'), communityId: COMMUNITY, kind: 'service', refId: ODD.id, merchantId: JIEJIA.id })
  if (!set.ok) throw new Error(`setSeller failed: ${set.code} ${set.message}`)
  return Object.assign(w, { sharing: w.platform.ports.profitSharing as SandboxProfitSharing })
}

export async function split(w: TestWorld, orderId: string): Promise<SplitDoc> {
  return (must(await w.platform.db.collection(MERCHANT_COLLECTIONS.splits).doc(orderId).get()).data as SplitDoc[])[0]
}

export async function entries(w: TestWorld, orderId: string): Promise<MerchantLedgerDoc[]> {
  const rows = must(await w.platform.db.collection(MERCHANT_COLLECTIONS.ledger).where({ orderId }).limit(100).get()).data as MerchantLedgerDoc[]
  return rows.sort((a, b) => +new Date(a.at) - +new Date(b.at))
}

export async function statements(w: TestWorld, merchantId: string): Promise<MerchantStatementDoc[]> {
  return must(await w.platform.db.collection(MERCHANT_COLLECTIONS.statements).where({ merchantId }).orderBy('period', 'asc').limit(100).get()).data as MerchantStatementDoc[]
}

export async function shares(w: TestWorld, orderId: string): Promise<ProfitShareDoc[]> {
  return must(await w.platform.db.collection(MERCHANT_COLLECTIONS.shares).where({ orderId }).limit(100).get()).data as ProfitShareDoc[]
}

export async function settleMerchants(w: TestWorld, period: string) {
  const res = await w.console('merchants', { action: 'settle', period })
  if (!res.ok) throw new Error(`settle failed: ${res.code} ${res.message}`)
  return res.data
}

export async function deliver(w: TestWorld, staffOpenid: string, orderId: string) {
  return w.call('merchants', staffOpenid, { action: 'markDelivered', requestId: rid('deliver'), orderId })
}

async function nameSeller(w: TestWorld, refId: string, merchantId: string | null) {
  const set = await w.console('merchants', { action: 'setSeller', requestId: rid('seller'), communityId: COMMUNITY, kind: 'service', refId, merchantId })
  if (!set.ok) throw new Error(`setSeller failed: ${set.code} ${set.message}`)
}

/**
 * A merchant's sale paid WITHOUT profit sharing: the service's seller is named only after the prepay (as
 * when ops change the seller while a resident is paying), so the payment cannot be split and the monthly
 * statement alone pays the merchant. The split still names the merchant (it is fixed at payment).
 */
export async function buyWithoutSharing(w: AttributionWorld, openid: string, householdId: string, item: { id: string }, merchantId: string): Promise<string> {
  await nameSeller(w, item.id, null)
  const created = await callerIn(w, openid).call(ordersContract, 'createServiceOrder', { householdId, serviceItemId: item.id, quantity: 1 })
  await nameSeller(w, item.id, merchantId)
  const { reply } = await w.sandbox.confirm(created.payment.prepayId, openid)
  if (reply.errcode !== 0) throw new Error(`pay notify refused: ${reply.errmsg}`)
  return created.order.orderId
}
