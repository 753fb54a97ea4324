import { createSandboxWorld, rid, type SandboxWorld, type TestWorld } from '../../support/test-platform'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../../../cloudfunctions/core/households/registry-collections'
import { DEMO_COMMUNITY_ID } from '../../../cloudfunctions/platform/local/demo/personas'
import { GROUPBUY_COLLECTIONS, type EntryDoc, type QuotaDoc, type SkuDoc } from '../../../cloudfunctions/core/groupbuy/groupbuy.model'
import { ORDER_COLLECTIONS, type OrderDoc, type RefundDoc } from '../../../cloudfunctions/core/orders/order.model'
import type { HouseholdDoc, ResidentDoc } from '../../../cloudfunctions/core/households/household.model'
import { OWNER, FAMILY, STEWARD } from '../../support/personas'

/** Demo personas come from one module (tests/support/personas.ts). */
export { OWNER, FAMILY, STEWARD }

export const OWNER_HOUSEHOLD = 'h-1-1-101'
export const STEWARD_ID = 's-steward'
export { DEMO_COMMUNITY_ID }

export type GroupbuyWorld = SandboxWorld

/** The demo community, a sandbox that settles refunds only when the test says so. */
export const openGroupbuyWorld = (): Promise<GroupbuyWorld> => createSandboxWorld()

const HOUR = 3600_000

export interface CampaignSpec {
  communityId?: string
  minParticipants?: number
  skus?: { title: string; priceFen: number; stock: number; limitPerHousehold: number }[]
  deadlineInHours?: number
  publish?: boolean
}

/** A campaign created by ops from the console; deadline 48 h ahead unless told. */
export async function createCampaign(world: TestWorld, spec: CampaignSpec = {}): Promise<{ campaignId: string; skuIds: string[] }> {
  const now = world.clock.now().getTime()
  const deadline = now + (spec.deadlineInHours ?? 48) * HOUR
  // Its own requestId: two campaigns created alike on purpose are two campaigns, not a console retry.
  const res = await world.console('ops', {
    action: 'groupbuyCreateCampaign',
    requestId: rid('campaign'),
    communityId: spec.communityId ?? DEMO_COMMUNITY_ID,
    title: '阳光农场 赣南脐橙',
    description: '产地直发，次日自提',
    minParticipants: spec.minParticipants ?? 2,
    deadline: new Date(deadline).toISOString(),
    pickup: { point: '物业服务中心', startsAt: new Date(deadline + 24 * HOUR).toISOString(), endsAt: new Date(deadline + 30 * HOUR).toISOString() },
    skus: spec.skus ?? [{ title: '脐橙 5斤装', priceFen: 3990, stock: 100, limitPerHousehold: 2 }],
    publish: spec.publish ?? true,
  })
  if (!res.ok) throw new Error(`create campaign: ${res.code} ${JSON.stringify(res.issues ?? res.message)}`)
  const skus = must(await world.platform.db.collection(GROUPBUY_COLLECTIONS.skus).where({ campaignId: res.data.campaignId }).get()).data as SkuDoc[]
  return { campaignId: res.data.campaignId, skuIds: skus.sort((a, b) => a.sort - b.sort).map((s) => s._id) }
}

/** n bound owners, one household each, in the demo community (or another one), written straight to the registry. */
export async function addResidents(world: TestWorld, n: number, communityId = DEMO_COMMUNITY_ID, prefix = 'gb'): Promise<{ openid: string; householdId: string }[]> {
  const now = world.clock.now()
  const people = Array.from({ length: n }, (_, i) => ({ openid: `${prefix}-res-${i}`, householdId: `${prefix}-h-${i}` }))
  const households: HouseholdDoc[] = people.map((p, i) => ({
    _id: p.householdId,
    communityId,
    buildingId: `${prefix}-b-${Math.floor(i / 100)}`,
    building: `${20 + Math.floor(i / 100)}栋`,
    unit: '1单元',
    room: String(101 + (i % 100)),
    areaM2: 90,
    ownerName: '测试',
    ownerPhoneHash: 'x',
    ownerPhoneLast4: '0000',
    updatedAt: now,
  }))
  const residents: ResidentDoc[] = people.map((p) => ({ _id: `r-${p.openid}`, openid: p.openid, householdId: p.householdId, communityId, role: 'owner', status: 'active', boundAt: now }))
  for (let i = 0; i < n; i += 500) {
    must(await world.platform.db.collection(COLLECTIONS.households).add(households.slice(i, i + 500)))
    must(await world.platform.db.collection(COLLECTIONS.residents).add(residents.slice(i, i + 500)))
  }
  return people
}

export function placeOrder(world: TestWorld, openid: string, householdId: string, campaignId: string, items: { skuId: string; quantity: number }[], requestId = rid('gb')) {
  return world.call('groupbuy', openid, { action: 'placeOrder', requestId, campaignId, householdId, items })
}

/** Orders and pays through the sandbox sheet (the notify reaches the paycallback function). */
export async function paidOrder(world: GroupbuyWorld, openid: string, householdId: string, campaignId: string, skuId: string, quantity = 1): Promise<string> {
  const res = await placeOrder(world, openid, householdId, campaignId, [{ skuId, quantity }])
  if (!res.ok) throw new Error(`order: ${res.code} ${res.message}`)
  const { reply } = await world.sandbox.confirm(res.data.payment.prepayId, openid)
  if (reply.errcode !== 0) throw new Error(`notify refused: ${reply.errmsg}`)
  return res.data.order.orderId
}

export async function docById<T>(world: TestWorld, collection: string, id: string): Promise<T | undefined> {
  return (must(await world.platform.db.collection(collection).doc(id).get()).data as T[])[0]
}

export const sku = (w: TestWorld, id: string) => docById<SkuDoc>(w, GROUPBUY_COLLECTIONS.skus, id)
export const entry = (w: TestWorld, orderId: string) => docById<EntryDoc>(w, GROUPBUY_COLLECTIONS.entries, orderId)
export const order = (w: TestWorld, orderId: string) => docById<OrderDoc>(w, ORDER_COLLECTIONS.orders, orderId)

export async function all<T>(world: TestWorld, collection: string, where: Record<string, unknown> = {}): Promise<T[]> {
  const out: T[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = must(await world.platform.db.collection(collection).where(where).skip(offset).limit(1000).get()).data as T[]
    out.push(...page)
    if (page.length < 1000) return out
  }
}

export const refundsOf = (w: TestWorld, orderId: string) => all<RefundDoc>(w, ORDER_COLLECTIONS.refunds, { orderId })
export const quotas = (w: TestWorld, skuId: string) => all<QuotaDoc>(w, GROUPBUY_COLLECTIONS.quotas, { skuId })

/** Moves the clock past the deadline and runs the closing timer. */
export async function closeAfterDeadline(world: TestWorld, hours = 49) {
  world.clock.advance(hours * HOUR)
  return world.timer('groupbuy', 'closeDue')
}
