import { runTx, txGet, txWrite } from '../kernel/transaction'
import type { OrderHookContext } from '../orders'
import { ORDER_COLLECTIONS, type OrderDoc, type RefundDoc } from '../orders'
import { loadOrder } from '../orders'
import { monthOf } from '../metrics'
import { ALL_TIME, RollupDeltas, stewardScopeKey } from '../metrics'
import { countsInSales, scopesOf } from '../metrics'
import { refundMarkId } from '../metrics'
import { ATTRIBUTION_COLLECTIONS, type AttributionDoc, type LedgerDoc } from './attribution.model'
import { attributeOrder, loadAttribution } from './attribute-order'
import { commissionOf, reversalTarget } from './commission-math'
import { loadRules } from './settings'

const DAY_MS = 86_400_000
const L = ATTRIBUTION_COLLECTIONS.ledger

export const accrualId = (orderId: string) => `acc-${orderId}`
export const reversalId = (refundId: string) => `rev-${refundId}`

/** Was the order ever fulfilled (it may have moved on to refunding or completed since)? */
export function wasFulfilled(order: Pick<OrderDoc, 'history'>): { at: Date } | null {
  const entry = order.history.find((h) => h.to === 'fulfilled')
  return entry ? { at: new Date(entry.at) } : null
}

/**
 * Commission accrues when the order is fulfilled: rate (fixed when paid) × what is still paid, frozen for
 * the community's refund period. One transaction with the attribution (accrual waiting → accrued) and the
 * rollups, so it happens once however often the fulfilled event or the sweep comes.
 */
export async function accrueCommission(ctx: OrderHookContext, orderId: string): Promise<'accrued' | 'nothing' | 'not_yet'> {
  const order = await loadOrder(ctx.platform, orderId)
  if (!order?.payment) return 'not_yet'
  const fulfilled = wasFulfilled(order)
  if (!fulfilled) return 'not_yet'
  const attribution = (await loadAttribution(ctx, orderId)) ?? (await attributeOrder(ctx, order))
  if (attribution.accrual !== 'waiting') return 'nothing'
  const rules = await loadRules(ctx.platform.db, attribution.communityId, null)
  const availableAt = new Date(fulfilled.at.getTime() + rules.community.refundPeriodDays * DAY_MS)
  return runTx(ctx.platform.db, async (t) => {
    const a = await txGet<AttributionDoc>(t, ATTRIBUTION_COLLECTIONS.attributions, orderId)
    if (!a || a.accrual !== 'waiting' || !a.stewardOpenid) return 'nothing' as const
    const fresh = await txGet<OrderDoc>(t, ORDER_COLLECTIONS.orders, orderId)
    if (!fresh) return 'nothing' as const
    const baseFen = fresh.paidFen - fresh.refundedFen
    const amountFen = commissionOf(baseFen, a.rateBp)
    if (amountFen <= 0) {
      await txWrite(t.collection(ATTRIBUTION_COLLECTIONS.attributions).doc(orderId).update({ accrual: 'none' }))
      return 'nothing' as const
    }
    const entry: Omit<LedgerDoc, '_id'> = {
      kind: 'accrual',
      stewardOpenid: a.stewardOpenid,
      communityId: a.communityId,
      gridId: a.gridId,
      orderId,
      orderType: a.orderType,
      title: fresh.title,
      amountFen,
      at: fulfilled.at,
      availableMonth: monthOf(availableAt),
      availableAt,
      state: 'open',
      statementId: null,
      baseFen,
      rateBp: a.rateBp,
      refundedAtAccrualFen: fresh.refundedFen,
      reversedFen: 0,
    }
    await txWrite(t.collection(L).doc(accrualId(orderId)).set(entry))
    await txWrite(t.collection(ATTRIBUTION_COLLECTIONS.attributions).doc(orderId).update({ accrual: 'accrued' }))
    const deltas = new RollupDeltas()
      .addAll(scopesOf(a), a.communityId, monthOf(fulfilled.at), 'commissionAccruedFen', amountFen)
      .add({ scope: 'steward', key: stewardScopeKey(a.communityId, a.stewardOpenid) }, a.communityId, ALL_TIME, 'commissionAccruedFen', amountFen)
    await deltas.apply(t, ctx.now(), `accrual-${orderId}`, ctx.platform.db.command)
    return 'accrued' as const
  })
}

/**
 * A refund settled: counted once in the refund figures (its mark), and the accrued commission clawed back
 * in proportion — the reversed total is recomputed from the order's refunded total each time, so partial
 * refunds add up exactly to the accrual when everything went back, whatever order the refunds settle in.
 * A reversal of an accrual not yet settled goes into the same statement; after settlement, into the next.
 */
export async function reverseForRefund(ctx: OrderHookContext, order: OrderDoc, refund: RefundDoc): Promise<void> {
  // A payment that landed on a cancelled order was never a sale: its automatic refund is not counted either.
  const attribution = (await loadAttribution(ctx, order._id)) ?? (order.payment && order.status !== 'cancelled' ? await attributeOrder(ctx, order) : undefined)
  if (!attribution) return
  const at = refund.completedAt ? new Date(refund.completedAt) : ctx.now()
  await runTx(ctx.platform.db, async (t) => {
    const M = ATTRIBUTION_COLLECTIONS.marks
    if (await txGet(t, M, refundMarkId(refund._id))) return
    const a = await txGet<AttributionDoc>(t, ATTRIBUTION_COLLECTIONS.attributions, order._id)
    const fresh = await txGet<OrderDoc>(t, ORDER_COLLECTIONS.orders, order._id)
    if (!a || !fresh) return
    const scopes = scopesOf(a)
    const deltas = new RollupDeltas()
    if (countsInSales(a.orderType)) deltas.addAll(scopes, a.communityId, monthOf(at), 'refundFen', refund.amountFen)
    const acc = await txGet<LedgerDoc>(t, L, accrualId(order._id))
    if (acc) {
      const target = reversalTarget(acc, fresh.refundedFen)
      const delta = target - (acc.reversedFen ?? 0)
      if (delta > 0) {
        const availableAt = acc.state === 'settled' ? ctx.now() : new Date(acc.availableAt)
        const entry: Omit<LedgerDoc, '_id'> = {
          kind: 'reversal',
          stewardOpenid: acc.stewardOpenid,
          communityId: acc.communityId,
          gridId: acc.gridId,
          orderId: order._id,
          orderType: acc.orderType,
          title: acc.title,
          amountFen: delta,
          at,
          availableMonth: monthOf(availableAt),
          availableAt,
          state: 'open',
          statementId: null,
          refundId: refund._id,
          refundFen: refund.amountFen,
        }
        await txWrite(t.collection(L).doc(reversalId(refund._id)).set(entry))
        await txWrite(t.collection(L).doc(accrualId(order._id)).update({ reversedFen: target }))
        deltas
          .addAll(scopes, a.communityId, monthOf(at), 'commissionReversedFen', delta)
          .add({ scope: 'steward', key: stewardScopeKey(acc.communityId, acc.stewardOpenid) }, acc.communityId, ALL_TIME, 'commissionReversedFen', delta)
      }
    } else if (a.accrual === 'waiting' && fresh.refundedFen >= fresh.paidFen) {
      // Everything went back before fulfilment: nothing will ever accrue.
      await txWrite(t.collection(ATTRIBUTION_COLLECTIONS.attributions).doc(order._id).update({ accrual: 'void' }))
    }
    await txWrite(t.collection(M).doc(refundMarkId(refund._id)).set({ orderId: order._id, amountFen: refund.amountFen, at }))
    await deltas.apply(t, ctx.now(), `refund-${refund._id}`, ctx.platform.db.command)
  })
}
