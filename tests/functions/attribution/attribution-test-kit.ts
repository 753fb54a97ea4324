import { bindResident, createSandboxWorld, rid, type SandboxWorld, type TestWorld } from '../../support/test-platform'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { DEMO_COMMUNITY_ID } from '../../../cloudfunctions/platform/local/demo/personas'
import { ORDER_COLLECTIONS, type OrderDoc } from '../../../cloudfunctions/core/orders/order.model'
import { ATTRIBUTION_COLLECTIONS, type LedgerDoc } from '../../../cloudfunctions/core/attribution/attribution.model'
import { attributionContract, type Figure } from '../../../cloudfunctions/contracts/attribution.contract'
import { ordersContract } from '../../../cloudfunctions/contracts/orders.contract'
import { opsContract } from '../../../cloudfunctions/contracts/ops.contract'
import type { ActionInput } from '../../../cloudfunctions/contracts/envelope'
import { callerIn } from '../../support/typed-world'

export { DEMO_COMMUNITY_ID as COMMUNITY }
/** Steward A (张敏) owns buildings 1–3 (grid g-steward), steward B (李强) buildings 4–6 (g-steward-2). */
export const A = { openid: 'demo-steward', id: 's-steward', grid: 'g-steward', name: '张敏' }
export const B = { openid: 'demo-steward-2', id: 's-steward-2', grid: 'g-steward-2', name: '李强' }
/** Each demo building has 2 units × 15 floors × 2 rooms = 60 households; a grid of three has 180. */
export const HOUSEHOLDS_PER_GRID = 180
export const HOUSEHOLDS_IN_COMMUNITY = 360
/** Demo paid services (price in fen); service commission defaults to 3% (300 bp). */
export const SERVICE = { cleaning: { id: 'svc-cleaning', fen: 8800 }, ac: { id: 'svc-ac-clean', fen: 12000 }, pipe: { id: 'svc-pipe', fen: 6000 } }
export const DAY = 86_400_000

export type AttributionWorld = SandboxWorld

/** The demo community at `clockAt` (UTC), with a sandbox whose refunds settle when the test says so. */
export const openAttributionWorld = (clockAt: string): Promise<AttributionWorld> => createSandboxWorld({ clockAt })

/** A resident bound to a household at `boundAt`. */
export const bind = (w: TestWorld, openid: string, householdId: string, boundAt: Date = w.clock.now()) => bindResident(w, { openid, householdId, boundAt })

/** The resident opens a page carrying a steward's id. */
export async function touch(w: TestWorld, openid: string, stewardId: string, extra: Omit<ActionInput<typeof attributionContract, 'recordTouch'>, 'stewardId'> = {}): Promise<boolean> {
  return (await callerIn(w, openid).call(attributionContract, 'recordTouch', { stewardId, ...extra })).recorded
}

/** Orders a paid service and pays it in the sandbox (the pay notify runs the order core, then attribution). */
export async function buy(w: AttributionWorld, openid: string, householdId: string, item = SERVICE.cleaning, quantity = 1): Promise<string> {
  const created = await callerIn(w, openid).call(ordersContract, 'createServiceOrder', { householdId, serviceItemId: item.id, quantity })
  const { reply } = await w.sandbox.confirm(created.payment.prepayId, openid)
  if (reply.errcode !== 0) throw new Error(`pay notify refused: ${reply.errmsg}`)
  return created.order.orderId
}

export async function fulfil(w: TestWorld, orderId: string): Promise<void> {
  await callerIn(w, 'console').call(ordersContract, 'fulfil', { orderId })
}

/** Ops refunds (all that is left, or `amountFen`), and the bank settles it. */
export async function refund(w: AttributionWorld, orderId: string, amountFen?: number): Promise<void> {
  await callerIn(w, 'console').call(ordersContract, 'refund', { orderId, reason: '协商退款', ...(amountFen ? { amountFen } : {}) })
  await w.sandbox.settleRefunds()
}

export async function orderDoc(w: TestWorld, orderId: string): Promise<OrderDoc & { attribution?: Record<string, any> }> {
  return (must(await w.platform.db.collection(ORDER_COLLECTIONS.orders).doc(orderId).get()).data as OrderDoc[])[0]
}

export async function ledger(w: TestWorld, orderId: string): Promise<LedgerDoc[]> {
  return must(await w.platform.db.collection(ATTRIBUTION_COLLECTIONS.ledger).where({ orderId }).limit(100).get()).data as LedgerDoc[]
}

export async function report(w: TestWorld, month: string): Promise<Figure[]> {
  return (await callerIn(w, 'console').call(opsContract, 'attributionReport', { communityId: DEMO_COMMUNITY_ID, month })).rows
}

export const rowOf = (rows: Figure[], scope: Figure['scope'], key: string) => {
  const row = rows.find((r) => r.scope === scope && r.key === key)
  if (!row) throw new Error(`no ${scope} row ${key}`)
  return row
}

export async function settle(w: TestWorld, period: string) {
  return callerIn(w, 'console').call(opsContract, 'attributionSettle', { period })
}

export async function statementOf(w: TestWorld, stewardOpenid: string, period?: string) {
  return callerIn(w, stewardOpenid).call(attributionContract, 'statement', period ? { period } : {})
}

/** Household ids of the demo registry: building b, unit u, floor f, room r (h-1-1-101 …). */
export const hh = (b: number, u: number, f: number, r: number) => `h-${b}-${u}-${f}${String(r).padStart(2, '0')}`
