import { ORDER_TOPICS, orderEffect } from '../orders'
import { reportHouseholdFacts } from '../profiles'
import { businessDate } from '../kernel/business-time'
import { must } from '../kernel/db-result'
import { FEE_COLLECTIONS, type BillDoc } from './fee.model'

/**
 * 缴费习惯 in the household's profile: each bill a paid fee order settled is a fact, "on time" when it was
 * paid on or before its due date (Asia/Shanghai calendar day), else "late". An outbox effect on order.paid,
 * so it runs after the money transaction committed and is retried until it lands; the facts are keyed by
 * bill, so a re-run records nothing twice. Bills another order had paid first are not this order's.
 */
export const feeProfileFactsEffect = orderEffect(ORDER_TOPICS.paid, async (ctx, order) => {
  if (order.type !== 'fee') return
  const _ = ctx.platform.db.command
  const ids = order.lines.filter((l) => l.refType === 'bill').map((l) => l.refId)
  if (ids.length === 0) return
  const bills = must(await ctx.platform.db.collection(FEE_COLLECTIONS.bills).where({ _id: _.in(ids), paidOrderId: order._id }).limit(ids.length).get()).data as BillDoc[]
  await reportHouseholdFacts(
    ctx.platform,
    bills.map((b) => {
      const paidAt = new Date(b.paidAt ?? order.payment?.paidAt ?? ctx.now())
      return { householdId: b.householdId, communityId: b.communityId, kind: businessDate(paidAt) <= b.dueDate ? 'bill_paid_on_time' : 'bill_paid_late', sourceId: b._id, at: paidAt }
    }),
  )
})
