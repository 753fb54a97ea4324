import type { ActionContext } from '../kernel/action-context'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { fulfilOrder, loadOrder } from '../orders'
import { monthOf } from '../metrics'
import { toDeliverWhere } from './to-deliver'
import { MERCHANT_COLLECTIONS, type MerchantLedgerDoc, type MerchantStatementDoc, type SplitDoc } from './merchant.model'

const SP = MERCHANT_COLLECTIONS.splits

/** The merchant's orders, newest first: only orders whose split names this merchant as the seller. */
export async function merchantOrders(ctx: ActionContext, merchantId: string, filter: 'all' | 'to_deliver', offset: number, limit: number) {
  const where = filter === 'to_deliver' ? toDeliverWhere(merchantId) : { merchantId }
  const rows = must(await ctx.platform.db.collection(SP).where(where).orderBy('paidAt', 'desc').skip(offset).limit(limit + 1).get()).data as SplitDoc[]
  return { orders: rows.slice(0, limit), hasMore: rows.length > limit }
}

/**
 * The merchant says the goods were delivered (to the pickup point, or to the door) or the service was done.
 * A paid service order becomes fulfilled (that is what starts the 分账 split and the steward's commission);
 * a group-buy order is fulfilled at pickup by the steward, so here only the delivery is recorded.
 */
export async function markDelivered(ctx: ActionContext, merchantId: string, orderId: string, by: string): Promise<SplitDoc> {
  const db = ctx.platform.db
  const split = (must(await db.collection(SP).doc(orderId).get()).data as SplitDoc[])[0]
  // Another merchant's order reads as missing: staff never learn what others sell.
  if (!split || split.merchantId !== merchantId) throw new DomainError('MERCHANT.ORDER_NOT_FOUND')
  const order = await loadOrder(ctx.platform, orderId)
  if (!order || !['paid', 'fulfilled', 'completed'].includes(order.status) || split.refundedFen >= split.grossFen) throw new DomainError('MERCHANT.NOT_DELIVERABLE')
  const now = ctx.now()
  if (!split.delivery) must(await db.collection(SP).where({ _id: orderId, delivery: null }).update({ delivery: { at: now, by }, toDeliver: false }))
  if (order.type === 'service' && order.status === 'paid') await fulfilOrder(ctx, orderId, 'merchant', '商户确认服务完成')
  return (must(await db.collection(SP).doc(orderId).get()).data as SplitDoc[])[0]
}

/** The workbench counts: orders waiting for delivery, this month's sales, the latest statement. */
export async function merchantBoard(ctx: ActionContext, merchantId: string) {
  const db = ctx.platform.db
  const month = monthOf(ctx.now())
  const $ = db.command.aggregate
  const [waiting, monthRows, latest] = await Promise.all([
    db.collection(SP).where(toDeliverWhere(merchantId)).count(),
    db.collection(SP).aggregate().match({ merchantId, month }).group({ _id: null, gross: $.sum('$grossFen'), refunded: $.sum('$refundedFen'), merchant: $.sum('$merchantFen'), n: $.sum(1) }).limit(1).end(),
    db.collection(MERCHANT_COLLECTIONS.statements).where({ merchantId, status: 'final' }).orderBy('period', 'desc').limit(1).get(),
  ])
  const m = (must(monthRows) as { data: { gross: number; refunded: number; merchant: number; n: number }[] }).data[0]
  return {
    month,
    toDeliver: must(waiting).total,
    monthOrders: m?.n ?? 0,
    monthGrossFen: m?.gross ?? 0,
    monthRefundedFen: m?.refunded ?? 0,
    latestStatement: ((must(latest).data as MerchantStatementDoc[])[0] ?? null) as MerchantStatementDoc | null,
  }
}

export async function merchantStatements(ctx: ActionContext, merchantId: string) {
  return must(await ctx.platform.db.collection(MERCHANT_COLLECTIONS.statements).where({ merchantId }).orderBy('period', 'desc').limit(24).get()).data as MerchantStatementDoc[]
}

export async function statementEntries(ctx: ActionContext, merchantId: string, statementId: string, offset: number, limit: number) {
  const rows = must(await ctx.platform.db.collection(MERCHANT_COLLECTIONS.ledger).where({ merchantId, statementId }).orderBy('at', 'asc').skip(offset).limit(limit + 1).get()).data as MerchantLedgerDoc[]
  return { entries: rows.slice(0, limit), hasMore: rows.length > limit }
}
