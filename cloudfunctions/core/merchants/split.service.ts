import { runTx, txGet, txWrite } from '../kernel/transaction'
import { must } from '../kernel/db-result'
import { loadOrder, writeOrderSplitInTx, type OrderDoc, type OrderHookContext, type OrderSplit, type RefundDoc } from '../orders'
import { attributeOrder, loadAttribution } from '../attribution'
import { monthOf } from '../metrics'
import { sellerOfOrder } from './listing.service'
import { MERCHANT_COLLECTIONS, type MerchantDoc, type MerchantLedgerDoc, type ProfitShareDoc, type SplitDoc } from './merchant.model'
import { minusParts, refundedParts, splitOf } from './split-math'
import { awaitsDelivery } from './to-deliver'

const S = MERCHANT_COLLECTIONS.splits
const L = MERCHANT_COLLECTIONS.ledger
export const saleEntryId = (orderId: string) => `sale-${orderId}`
export const refundEntryId = (refundId: string) => `ref-${refundId}`
export const splitShareId = (orderId: string) => `ps-${orderId}`
export const returnShareId = (refundId: string) => `psr-${refundId}`

const ZERO = { merchantFen: 0, commissionFen: 0, stewardFen: 0, propertyNetFen: 0 }
const SPLIT_TYPES = new Set(['groupbuy', 'service'])

/**
 * The split of a paid group-buy or service order, fixed when it is paid: who sold it, the 扣点 of that
 * moment and the steward's rate attribution decided (attribution runs first: areas.ts lists it earlier).
 * Written once, in one transaction with the order's own `split` (through the orders area's port); a
 * replayed paid event finds it and changes nothing.
 */
export async function recordSplit(ctx: OrderHookContext, order: OrderDoc): Promise<SplitDoc | null> {
  if (!SPLIT_TYPES.has(order.type) || !order.payment) return null
  const existing = await loadSplit(ctx, order._id)
  if (existing) return existing
  const { seller, rateBp, rateReason, campaignId } = await sellerOfOrder(ctx.platform, order)
  // The steward decides part of the split; attribution's own effect may not have run yet (idempotent).
  const attribution = (await loadAttribution(ctx, order._id)) ?? (order.status !== 'cancelled' ? await attributeOrder(ctx, order) : undefined)
  const stewardOpenid = attribution?.stewardOpenid ?? null
  const stewardRateBp = stewardOpenid ? (attribution?.rateBp ?? 0) : 0
  const paidAt = new Date(order.payment.paidAt)
  const grossFen = order.paidFen
  const doc: SplitDoc = {
    _id: order._id,
    orderId: order._id,
    orderNo: order.orderNo ?? null,
    orderType: order.type as SplitDoc['orderType'],
    title: order.title,
    communityId: order.communityId,
    householdId: order.householdId,
    payerOpenid: order.payerOpenid,
    campaignId,
    seller,
    merchantId: seller.merchantId,
    rateBp,
    rateReason,
    stewardOpenid,
    stewardRateBp,
    grossFen,
    ...splitOf(grossFen, rateBp, stewardRateBp),
    paidAt,
    month: monthOf(paidAt),
    refundedFen: 0,
    refunded: { ...ZERO },
    refundIds: [],
    delivery: null,
    fulfilledAt: null,
    toDeliver: false,
    saleRecorded: false,
    createdAt: ctx.now(),
  }
  doc.toDeliver = !!doc.merchantId && awaitsDelivery(doc)
  const db = ctx.platform.db
  return runTx(db, async (t) => {
    const existing = await txGet<SplitDoc>(t, S, order._id)
    if (existing) return existing
    const { _id, ...fields } = doc
    await txWrite(t.collection(S).doc(_id).set(fields))
    await writeOrderSplitInTx(t, db, order._id, orderSplitOf(doc))
    return doc
  })
}

/** The split as the order carries it: what is still paid, part by part, and the rule it was made under. */
export function orderSplitOf(s: SplitDoc): OrderSplit {
  const left = minusParts(s, s.refunded)
  return {
    gross: s.grossFen - s.refundedFen,
    merchant: left.merchantFen,
    property: left.propertyNetFen,
    steward: left.stewardFen,
    refunded: s.refundedFen,
    rule: {
      seller: s.seller.kind,
      merchantId: s.merchantId,
      sellerName: s.seller.name,
      rateBp: s.rateBp,
      rateReason: s.rateReason ?? null,
      stewardRateBp: s.stewardRateBp,
    },
  }
}

export async function loadSplit(ctx: Pick<OrderHookContext, 'platform'>, orderId: string): Promise<SplitDoc | null> {
  return (must(await ctx.platform.db.collection(S).doc(orderId).get()).data as SplitDoc[])[0] ?? null
}

/**
 * Fulfilled: a merchant's sale enters its ledger (what is still paid, split the same way) and a 分账 split
 * naming the merchant's receiver (its settlement account) is queued for the merchant's share. One transaction over the split document, so a refund settling at
 * the same moment is counted either in the sale or as its own entry, never both.
 */
export async function recordSale(ctx: OrderHookContext, orderId: string): Promise<'recorded' | 'nothing'> {
  const order = await loadOrder(ctx.platform, orderId)
  if (!order) return 'nothing'
  const split = (await loadSplit(ctx, orderId)) ?? (await recordSplit(ctx, order))
  if (!split || split.seller.kind !== 'merchant' || split.saleRecorded) return 'nothing'
  const fulfilled = order.history.find((h) => h.to === 'fulfilled')
  if (!fulfilled) return 'nothing'
  const at = new Date(fulfilled.at)
  const merchant = (must(await ctx.platform.db.collection(MERCHANT_COLLECTIONS.merchants).doc(split.merchantId!).get()).data as MerchantDoc[])[0]
  return runTx(ctx.platform.db, async (t) => {
    const s = await txGet<SplitDoc>(t, S, orderId)
    if (!s || s.saleRecorded || !s.merchantId) return 'nothing' as const
    const left = minusParts(s, s.refunded)
    const grossFen = s.grossFen - s.refundedFen
    const entry: Omit<MerchantLedgerDoc, '_id'> = {
      kind: 'sale',
      merchantId: s.merchantId,
      communityId: s.communityId,
      orderId,
      title: s.title,
      grossFen,
      merchantFen: left.merchantFen,
      commissionFen: left.commissionFen,
      at,
      availableMonth: monthOf(at),
      state: 'open',
      statementId: null,
      sharedFen: 0,
      returnedFen: 0,
    }
    // Only a payment made with profit sharing can be split (WeChat refuses others); a sale paid before its
    // merchant was named is paid out by the monthly statement alone.
    const shares = left.merchantFen > 0 && !!order.payment && !!merchant && order.prepay?.profitSharing === true
    // The statement pays only what 分账 does not: the entry says how much of its share the split carries.
    if (shares) entry.sharedFen = left.merchantFen
    await txWrite(t.collection(L).doc(saleEntryId(orderId)).set(entry))
    await txWrite(t.collection(S).doc(orderId).update({ saleRecorded: true, fulfilledAt: at, toDeliver: awaitsDelivery({ ...s, fulfilledAt: at }) }))
    if (shares && order.payment && merchant) {
      const share: Omit<ProfitShareDoc, '_id'> = {
        kind: 'split',
        orderId,
        merchantId: s.merchantId,
        transactionId: order.payment.transactionId,
        outOrderNo: splitShareId(orderId),
        outReturnNo: null,
        account: merchant.settlementAccount,
        amountFen: left.merchantFen,
        state: 'pending',
        wechatId: null,
        failReason: null,
        attempts: 0,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      }
      await txWrite(t.collection(MERCHANT_COLLECTIONS.shares).doc(splitShareId(orderId)).set(share))
    }
    return 'recorded' as const
  })
}

/**
 * A refund settled: its parts (cumulative rule of split-math) are added to the split; after the sale was
 * recorded it also becomes a ledger entry dated now — in the next statement if this month's sale was
 * already settled — and a 分账 return of the merchant's part is queued. Once per refund id.
 */
export async function recordRefund(ctx: OrderHookContext, order: OrderDoc, refund: RefundDoc): Promise<void> {
  const split = (await loadSplit(ctx, order._id)) ?? (order.payment && order.status !== 'cancelled' ? await recordSplit(ctx, order) : null)
  if (!split) return
  const at = refund.completedAt ? new Date(refund.completedAt) : ctx.now()
  await runTx(ctx.platform.db, async (t) => {
    const s = await txGet<SplitDoc>(t, S, order._id)
    if (!s || s.refundIds.includes(refund._id)) return
    const refundedFen = Math.min(s.grossFen, s.refundedFen + refund.amountFen)
    const after = refundedParts(s, refundedFen)
    const delta = minusParts(after, s.refunded)
    await txWrite(t.collection(S).doc(order._id).update({ refundedFen, refunded: after, refundIds: [...s.refundIds, refund._id], toDeliver: !!s.merchantId && awaitsDelivery({ ...s, refundedFen }) }))
    // The order's own split follows in the same commit (orders area's port).
    await writeOrderSplitInTx(t, ctx.platform.db, order._id, orderSplitOf({ ...s, refundedFen, refunded: after }))
    if (!s.saleRecorded || !s.merchantId) return
    const entry: Omit<MerchantLedgerDoc, '_id'> = {
      kind: 'refund',
      merchantId: s.merchantId,
      communityId: s.communityId,
      orderId: order._id,
      title: s.title,
      grossFen: refundedFen - s.refundedFen,
      merchantFen: delta.merchantFen,
      commissionFen: delta.commissionFen,
      at,
      availableMonth: monthOf(at),
      state: 'open',
      statementId: null,
      refundId: refund._id,
      sharedFen: 0,
      returnedFen: 0,
    }
    const split = await txGet<ProfitShareDoc>(t, MERCHANT_COLLECTIONS.shares, splitShareId(order._id))
    // A split that already ended without paying has nothing to take back (its compensation gave the whole
    // share back to the statement); otherwise the return's amount leaves what 分账 paid.
    const returns = !!split && split.state !== 'failed' && delta.merchantFen > 0
    if (returns) entry.returnedFen = delta.merchantFen
    await txWrite(t.collection(L).doc(refundEntryId(refund._id)).set(entry))
    if (split && returns) {
      const ret: Omit<ProfitShareDoc, '_id'> = {
        ...stripId(split),
        kind: 'return',
        outReturnNo: returnShareId(refund._id),
        amountFen: delta.merchantFen,
        state: 'pending',
        wechatId: null,
        failReason: null,
        attempts: 0,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      }
      await txWrite(t.collection(MERCHANT_COLLECTIONS.shares).doc(returnShareId(refund._id)).set(ret))
    }
  })
}

function stripId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc
  void _id
  return rest
}

/** The fulfilled event is best effort (core/orders): the timer finds merchant sales it missed. */
export async function sweepSales(ctx: OrderHookContext, limit = 200): Promise<{ checked: number; recorded: number }> {
  const _ = ctx.platform.db.command
  const rows = must(await ctx.platform.db.collection(S).where({ merchantId: _.neq(null), saleRecorded: false }).field({ _id: true }).limit(limit).get()).data as { _id: string }[]
  let recorded = 0
  for (const r of rows) if ((await recordSale(ctx, r._id)) === 'recorded') recorded += 1
  return { checked: rows.length, recorded }
}
