import type { AttributionDoc, AttributionRule } from '../attribution'
import type { OrderType } from '../orders'
import { addMonths, monthOf } from './month'
import { stewardScopeKey, type Counter, type RollupDeltas, type ScopeRef } from './rollup.model'

/** A household's purchases in one month: the scope keys ('s:<openid>', 'g:<gridId>', 'c:<communityId>') that sold to it. */
export interface BuyerMark {
  householdId: string
  month: string
  keys: string[]
}

export interface FirstOrderMark {
  householdId: string
  openid: string
  orderId: string
  at: Date
}

/**
 * The sales figures (orders, GMV, 客单价, buyers, repurchase, first-order conversion) are about what
 * stewards sell: group buys and paid services. Property-fee payments are attributed too (explainable, rate 0
 * by default) but would swamp those figures (monthly fee payers are not "repurchasers"), so they stay out.
 */
export const SALES_TYPES: readonly OrderType[] = ['groupbuy', 'service']
export const countsInSales = (type: OrderType) => SALES_TYPES.includes(type)

/** 首单转化: a resident's first paid order within this many days of binding. */
export const CONVERSION_DAYS = 30
const DAY_MS = 86_400_000

/** Could this order convert its payer (paid within CONVERSION_DAYS of binding)? If not, the first-order mark is not needed. */
export function inConversionWindow(paidAt: Date, boundAt: Date | null): boolean {
  if (!boundAt) return false
  const since = paidAt.getTime() - boundAt.getTime()
  return since >= 0 && since <= CONVERSION_DAYS * DAY_MS
}

/** Clocks of different instances and WeChat's paidAt may differ by seconds; months are compared with this margin. */
const MONTH_EDGE_MARGIN_MS = 10 * 60_000

/**
 * Could a later month already have a buyer mark for this household? Only if the business month of
 * "now" (plus a margin) is past the order's month — otherwise the next-month mark cannot exist yet.
 */
export function laterMonthMayExist(orderMonth: string, now: Date): boolean {
  return monthOf(new Date(now.getTime() + MONTH_EDGE_MARGIN_MS)) > orderMonth
}

const RULE_COUNTER: Record<AttributionRule, Counter> = {
  last_touch: 'ruleLastTouch',
  home_steward: 'ruleHomeSteward',
  self_purchase: 'ruleSelfPurchase',
  unattributed: 'ruleUnattributed',
}

const keyOf = (ref: ScopeRef) => `${ref.scope[0]}:${ref.key}`

export function scopesOf(a: Pick<AttributionDoc, 'stewardOpenid' | 'gridId' | 'communityId'>): ScopeRef[] {
  const out: ScopeRef[] = []
  if (a.stewardOpenid) out.push({ scope: 'steward', key: stewardScopeKey(a.communityId, a.stewardOpenid) })
  if (a.gridId) out.push({ scope: 'grid', key: a.gridId })
  out.push({ scope: 'community', key: a.communityId })
  return out
}

/**
 * The rollup deltas of one paid order (pure; the caller applies them in the transaction that records the
 * order once). Per scope: orders, GMV, the rule used; a household's first order of the month in that scope
 * makes it a buyer, and completes a repurchase pair with the month before or after (whichever order is
 * processed second counts the pair, so late notifies count it too). The resident's first paid order within
 * 30 days of binding converts them, in the month they bound (grid and community: the funnel).
 */
export function paidEffects(
  a: AttributionDoc,
  marks: { prev: BuyerMark | null; cur: BuyerMark | null; next: BuyerMark | null },
  resident: { firstOrder: boolean; boundAt: Date | null },
  deltas: RollupDeltas,
): { buyerKeys: string[] } {
  const scopes = scopesOf(a)
  const M = a.month
  const cid = a.communityId
  deltas.addAll(scopes, cid, M, 'orders', 1).addAll(scopes, cid, M, 'gmvFen', a.amountFen).addAll(scopes, cid, M, RULE_COUNTER[a.rule], 1)
  const keys = new Set(marks.cur?.keys ?? [])
  for (const ref of scopes) {
    const k = keyOf(ref)
    if (keys.has(k)) continue
    keys.add(k)
    deltas.add(ref, cid, M, 'buyers', 1)
    if (marks.prev?.keys.includes(k)) deltas.add(ref, cid, addMonths(M, -1), 'repurchasers', 1)
    if (marks.next?.keys.includes(k)) deltas.add(ref, cid, M, 'repurchasers', 1)
  }
  if (resident.firstOrder && resident.boundAt && inConversionWindow(new Date(a.paidAt), resident.boundAt)) {
    deltas.addAll(scopes.filter((s) => s.scope !== 'steward'), cid, monthOf(resident.boundAt), 'convertedResidents', 1)
  }
  return { buyerKeys: [...keys] }
}
