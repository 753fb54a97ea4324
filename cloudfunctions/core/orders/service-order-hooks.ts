import type { OrderTypeHooks } from './order-type-hooks'

/**
 * Paid home services hold nothing while unpaid (no reserve/release) and need nothing on payment; the
 * resident may take the money back themselves until the service has been done (status still `paid`).
 */
export const serviceOrderHooks: OrderTypeHooks = {
  userRefundable: (order) => order.status === 'paid',
}
