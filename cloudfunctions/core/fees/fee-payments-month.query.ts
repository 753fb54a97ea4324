import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { monthRange } from '../kernel/business-time'
import { FEE_COLLECTIONS } from './fee.model'

export interface PaidInMonth {
  paidFen: number
  bills: number
}

/**
 * What residents paid for fees in a month (Asia/Shanghai), whatever period the bills belong to, late fees
 * included, per building: a ¥597 payment of September's bills made in November is November's 实收. A bill
 * refunded after payment goes back to unpaid and drops out.
 */
export async function feesPaidInMonth(db: Db, communityId: string, month: string): Promise<Map<string, PaidInMonth>> {
  const _ = db.command
  const $ = _.aggregate
  const { start, end } = monthRange(month)
  const res = must(
    await db
      .collection(FEE_COLLECTIONS.bills)
      .aggregate()
      .match({ communityId, paidAt: _.gte(start).and(_.lt(end)), status: 'paid' })
      .group({ _id: '$buildingId', paidFen: $.sum('$paidFen'), bills: $.sum(1) })
      .limit(1000)
      .end(),
  ) as unknown as { data: { _id: string; paidFen: number; bills: number }[] }
  return new Map(res.data.map((r) => [r._id, { paidFen: r.paidFen, bills: r.bills }]))
}
