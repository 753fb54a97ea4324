import type { z } from 'zod'
import type { feesContract } from '../../contracts/fees.contract'
import { ORDER_ERROR_MESSAGES } from '../../contracts/errors/orders'
import type { OrderLine } from '../../contracts/orders.contract'
import { userOpenid, type ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { orderIdFor } from '../orders'
import { loadOrder } from '../orders'
import { placeOrder } from '../orders'
import type { BillDoc } from './fee.model'
import { feeError, loadBills } from './bills.repo'
import { compareBills, isLocked } from './bill-view'
import { authorizeHouseholdAct } from './fee-access'
import { yuan } from '../kernel/money'
import { billAmountAt } from './late-fee'
import './fee-order.hooks'

type PayOutput = z.input<(typeof feesContract)['actions']['pay']['output']>

function lineOf(bill: BillDoc, at: Date): OrderLine {
  const amount = billAmountAt(bill, at)
  const late = amount.lateFeeFen > 0 ? `（含滞纳金${yuan(amount.lateFeeFen)}元）` : ''
  return { refType: 'bill', refId: bill._id, title: `${bill.itemName} ${bill.period}${late}`.slice(0, 60), quantity: 1, unitPriceFen: amount.amountFen, amountFen: amount.amountFen }
}

/**
 * Pays the chosen bills of one household in one order. Everything is checked before anything is written:
 * the bills exist, the caller belongs to the household of every one of them (else AUTH.FORBIDDEN), they
 * are of one household (FEE.ONE_HOUSEHOLD), none is paid
 * (FEE.ALREADY_PAID) or held by another unpaid order. The order's reserve hook then locks the bills to the
 * order in one transaction, so two payments racing for a bill can never both hold it.
 * Amounts include the late fee as of now, by the same rule every screen uses.
 */
export async function payBills(ctx: ActionContext, billIds: string[]): Promise<PayOutput> {
  const openid = userOpenid(ctx)
  const requestId = ctx.requestId
  if (!requestId) throw new DomainError('VALIDATION.FAILED', '缴费请求缺少 requestId')
  const ids = [...new Set(billIds)]
  const bills = (await loadBills(ctx.platform.db, ids)).sort(compareBills)
  // Access to every bill before any other rule: a foreign bill is AUTH.FORBIDDEN, not FEE.ONE_HOUSEHOLD.
  const access = await ctx.access()
  for (const b of bills) authorizeHouseholdAct(access, b)
  const householdId = bills[0].householdId
  if (bills.some((b) => b.householdId !== householdId)) throw feeError('FEE.ONE_HOUSEHOLD')
  if (bills.some((b) => b.status === 'paid')) throw feeError('FEE.ALREADY_PAID')
  const now = ctx.now()
  const orderId = orderIdFor(openid, requestId)
  if (bills.some((b) => isLocked(b, now) && b.lockOrderId !== orderId)) throw feeError('FEE.PAYMENT_IN_PROGRESS')

  // A retry of a call that placed the order keeps that order's amounts, even past midnight.
  const previous = await loadOrder(ctx.platform, orderId)
  const lines = previous?.lines ?? bills.map((b) => lineOf(b, now))
  const amountFen = lines.reduce((s, l) => s + l.amountFen, 0)
  const placed = await placeOrder(ctx, {
    type: 'fee',
    householdId,
    communityId: bills[0].communityId,
    payerOpenid: openid,
    lines,
    amountFen,
    requestId,
    title: bills.length > 1 ? `物业缴费 ${bills[0].itemName}等${bills.length}笔` : `物业缴费 ${bills[0].itemName} ${bills[0].period}`,
  })
  if (!placed.prepay) {
    if (placed.order.status === 'cancelled') throw new DomainError('ORDER.EXPIRED', ORDER_ERROR_MESSAGES['ORDER.EXPIRED'])
    throw feeError('FEE.ALREADY_PAID')
  }
  const { provider, prepayId, params } = placed.prepay
  return {
    orderId: placed.order._id,
    amountFen,
    payment: { provider, prepayId, ...params },
    bills: lines.map((l) => ({ billId: l.refId, amountFen: l.amountFen })),
  }
}
