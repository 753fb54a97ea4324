import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { ATTRIBUTION_ERROR_MESSAGES } from '../../contracts/errors/attribution'
import { ATTRIBUTION_COLLECTIONS, type AttributionDoc, type LedgerDoc } from './attribution.model'

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)

/** Why an order counts where it counts: the rule, the deciding touch, the rate, every commission entry. */
export async function explainOrder(platform: Platform, orderId: string) {
  const db = platform.db
  const [aRes, lRes] = await Promise.all([
    db.collection(ATTRIBUTION_COLLECTIONS.attributions).doc(orderId).get(),
    db.collection(ATTRIBUTION_COLLECTIONS.ledger).where({ orderId }).limit(100).get(),
  ])
  const a = (must(aRes).data as AttributionDoc[])[0]
  if (!a) throw new DomainError('ATTRIBUTION.ORDER_NOT_ATTRIBUTED', ATTRIBUTION_ERROR_MESSAGES['ATTRIBUTION.ORDER_NOT_ATTRIBUTED'])
  const entries = (must(lRes).data as LedgerDoc[]).sort((x, y) => new Date(x.at).getTime() - new Date(y.at).getTime())
  return {
    communityId: a.communityId,
    explanation: {
      orderId: a.orderId,
      orderType: a.orderType,
      month: a.month,
      paidAt: iso(a.paidAt)!,
      amountFen: a.amountFen,
      rule: a.rule,
      stewardOpenid: a.stewardOpenid,
      stewardId: a.stewardId,
      windowDays: a.windowDays,
      touch: a.touch ? { touchId: a.touch.touchId, stewardOpenid: a.touch.stewardOpenid, campaignId: a.touch.campaignId, groupId: a.touch.groupId, source: a.touch.source, at: iso(a.touch.at)! } : null,
      homeStewardOpenid: a.homeStewardOpenid,
      gridId: a.gridId,
      rateBp: a.rateBp,
      accrual: a.accrual,
      entries: entries.map((e) => ({ entryId: e._id, kind: e.kind, amountFen: e.amountFen, state: e.state, availableMonth: e.availableMonth, statementId: e.statementId, at: iso(e.at)! })),
    },
  }
}
