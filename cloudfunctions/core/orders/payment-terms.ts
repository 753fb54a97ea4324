import type { Platform } from '../kernel/platform'
import type { OrderDoc } from './order.model'

/** What the payment of an order must carry besides its amount (today: whether it can be split later). */
export interface PaymentTerms {
  profitSharing: boolean
}

/**
 * An area's say in an order's payment terms, declared in its defineArea (`paymentTerms`): the orders area
 * cannot know who sells what (that is the merchants area), so it asks every declared rule before the
 * prepay. A rule answers only what it cares about.
 */
export type PaymentTermsRule = (platform: Platform, order: OrderDoc) => Promise<Partial<PaymentTerms>>

export async function paymentTermsOf(platform: Platform, order: OrderDoc): Promise<PaymentTerms> {
  const terms: PaymentTerms = { profitSharing: false }
  for (const rule of [...platform.wiring.paymentTerms.values()] as PaymentTermsRule[]) {
    const said = await rule(platform, order)
    if (said.profitSharing) terms.profitSharing = true
  }
  return terms
}
