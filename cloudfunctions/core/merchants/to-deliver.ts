import type { SplitDoc } from './merchant.model'

/**
 * The one definition of 待送达 for merchant staff (docs/merchants.md): the merchant has not said it
 * delivered, nobody fulfilled the order another way (a steward's pickup, ops' 确认完成), and something is
 * still paid (a fully refunded order has nothing left to deliver). Every write that changes one of these
 * facts stores the answer on the split as `toDeliver`, so the home count, the 待送达 list and each card's
 * tag and button read the same flag instead of each re-deriving it.
 */
export function awaitsDelivery(s: Pick<SplitDoc, 'delivery' | 'fulfilledAt' | 'refundedFen' | 'grossFen'>): boolean {
  return !s.delivery && !s.fulfilledAt && s.refundedFen < s.grossFen
}

/** The query of a merchant's orders waiting for delivery: the count and the list both use it. */
export const toDeliverWhere = (merchantId: string) => ({ merchantId, toDeliver: true })
