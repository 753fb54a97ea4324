import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from '../households'
import type { ResidentDoc, StaffDoc } from '../households'
import { runTx, txGet, txWrite, type Tx } from '../kernel/transaction'
import { loadEntry } from '../groupbuy'
import type { OrderHookContext } from '../orders'
import { ORDER_COLLECTIONS, type OrderDoc } from '../orders'
import { monthOf } from '../metrics'
import { RollupDeltas } from '../metrics'
import { countsInSales, inConversionWindow, laterMonthMayExist, paidEffects, type BuyerMark, type FirstOrderMark } from '../metrics'
import { buyerMarkId, firstOrderMarkId } from '../metrics'
import { ATTRIBUTION_COLLECTIONS, type AttributionDoc, type TouchDoc } from './attribution.model'
import { decideAttribution } from './decide'
import { homeGridOf } from './household-grid'
import { loadRules } from './settings'

/** Touches older than the longest window ops may configure are never read. */
export const MAX_WINDOW_DAYS = 90
const DAY_MS = 86_400_000

export async function loadAttribution(ctx: OrderHookContext, orderId: string): Promise<AttributionDoc | undefined> {
  return (must(await ctx.platform.db.collection(ATTRIBUTION_COLLECTIONS.attributions).doc(orderId).get()).data as AttributionDoc[])[0]
}

/**
 * A paid order gets its steward: the decision (decide.ts) from a few indexed reads, then ONE transaction
 * that records it and adds its figures to the monthly rollups — the attribution document is the
 * "already counted" mark, checked inside that transaction, so a repeated paid event changes nothing
 * (a repeat is rare — the outbox runs the effect once unless a crash intervened — so there is no read
 * before the decision to short-cut it). Finally the decision is stamped on the order (idempotent), so
 * the order itself explains any figure.
 */
export async function attributeOrder(ctx: OrderHookContext, order: OrderDoc): Promise<AttributionDoc> {
  const db = ctx.platform.db
  const _ = db.command
  const paidAt = order.payment?.paidAt ? new Date(order.payment.paidAt) : ctx.now()
  const from = new Date(paidAt.getTime() - MAX_WINDOW_DAYS * DAY_MS)

  const [home, entry, touchRes, residentRes] = await Promise.all([
    homeGridOf(db, order.communityId, order.householdId),
    order.type === 'groupbuy' ? loadEntry(db, order._id) : Promise.resolve(undefined),
    db
      .collection(ATTRIBUTION_COLLECTIONS.touches)
      .where({ residentOpenid: order.payerOpenid, communityId: order.communityId, at: _.gte(from).and(_.lte(paidAt)) })
      .orderBy('at', 'desc')
      .limit(50)
      .get(),
    db.collection(COLLECTIONS.residents).where({ householdId: order.householdId, openid: order.payerOpenid }).limit(5).get(),
  ])
  const touches = must(touchRes).data as TouchDoc[]
  const resident = (must(residentRes).data as ResidentDoc[]).find((r) => r.status !== 'pending')
  const campaignId = entry?.campaignId ?? null
  const people = [...new Set([order.payerOpenid, ...(home?.stewardOpenid ? [home.stewardOpenid] : []), ...touches.map((t) => t.stewardOpenid)])]
  const [rules, staffRes] = await Promise.all([
    loadRules(db, order.communityId, campaignId),
    db.collection(COLLECTIONS.staff).where({ openid: _.in(people), communityId: order.communityId, role: 'steward', status: 'active' }).limit(100).get(),
  ])
  const activeStewards = new Map((must(staffRes).data as StaffDoc[]).map((s) => [s.openid, s._id]))
  const decision = decideAttribution({
    payerOpenid: order.payerOpenid,
    orderType: order.type,
    paidAt,
    rules: rules.community,
    campaign: rules.campaign,
    touches,
    activeStewards,
    homeStewardOpenid: home?.stewardOpenid ?? null,
  })

  const now = ctx.now()
  const doc: AttributionDoc = {
    _id: order._id,
    orderId: order._id,
    orderType: order.type,
    communityId: order.communityId,
    householdId: order.householdId,
    payerOpenid: order.payerOpenid,
    campaignId,
    amountFen: order.paidFen || order.amountFen,
    paidAt,
    month: monthOf(paidAt),
    ...decision,
    gridId: home?.gridId ?? null,
    homeStewardOpenid: home?.stewardOpenid ?? null,
    accrual: decision.stewardOpenid && decision.rateBp > 0 ? 'waiting' : 'none',
    decidedAt: now,
  }
  const recorded = await runTx(db, async (t) => {
    const again = await txGet<AttributionDoc>(t, ATTRIBUTION_COLLECTIONS.attributions, order._id)
    if (again) return again
    const { _id, ...body } = doc
    void _id
    await txWrite(t.collection(ATTRIBUTION_COLLECTIONS.attributions).doc(order._id).set(body))
    if (countsInSales(doc.orderType)) await countSale(t, doc, resident ? new Date(resident.boundAt) : null, now, _)
    return doc
  })
  await stampOrder(ctx, recorded)
  return recorded
}

/** The sale's figures, counted once (the caller's transaction has just recorded the attribution). */
async function countSale(t: Tx, doc: AttributionDoc, boundAt: Date | null, now: Date, command: Db['command']): Promise<void> {
  const M = ATTRIBUTION_COLLECTIONS.marks
  const curId = buyerMarkId(doc.month, 0, doc.householdId)
  const fpId = firstOrderMarkId(doc.householdId, doc.payerOpenid)
  const prev = await txGet<BuyerMark>(t, M, buyerMarkId(doc.month, -1, doc.householdId))
  const cur = await txGet<BuyerMark>(t, M, curId)
  // Reads only what can matter: a later month's mark cannot exist while that month has not begun, and the
  // first-order mark matters only within the conversion window (a later order is never inside it either).
  const next = laterMonthMayExist(doc.month, now) ? await txGet<BuyerMark>(t, M, buyerMarkId(doc.month, 1, doc.householdId)) : null
  const converts = inConversionWindow(new Date(doc.paidAt), boundAt)
  const firstOrder = converts ? await txGet<FirstOrderMark>(t, M, fpId) : null
  const deltas = new RollupDeltas()
  const effects = paidEffects(doc, { prev, cur, next }, { firstOrder: converts && !firstOrder, boundAt }, deltas)
  await txWrite(t.collection(M).doc(curId).set({ householdId: doc.householdId, month: doc.month, keys: effects.buyerKeys, updatedAt: now }))
  if (converts && !firstOrder) await txWrite(t.collection(M).doc(fpId).set({ householdId: doc.householdId, openid: doc.payerOpenid, orderId: doc.orderId, at: doc.paidAt }))
  await deltas.apply(t, now, `paid-${doc.orderId}`, command)
}

/** The decision on the order itself: attributedStewardOpenid (the placeholder) and the explanation. */
async function stampOrder(ctx: OrderHookContext, a: AttributionDoc): Promise<void> {
  const db = ctx.platform.db
  must(
    await db
      .collection(ORDER_COLLECTIONS.orders)
      .where({ _id: a.orderId })
      .update({
        attributedStewardOpenid: a.stewardOpenid,
        attribution: db.command.set({
          rule: a.rule,
          stewardOpenid: a.stewardOpenid,
          stewardId: a.stewardId,
          touch: a.touch,
          windowDays: a.windowDays,
          rateBp: a.rateBp,
          decidedAt: a.decidedAt,
        }),
      }),
  )
}
