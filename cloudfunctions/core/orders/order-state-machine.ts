import { DomainError } from '../kernel/domain-error'
import { ORDER_ERROR_MESSAGES } from '../../contracts/errors/orders'
import type { OrderStatus } from './order.model'

/**
 * The order state machine, as data. Every status change in the code goes through `assertTransition`, and
 * every write of a new status is a conditional update on the status it was read in (order-transition.ts),
 * so two racing callers can never both move the same order.
 *
 *   created ──pay notify──▶ paid ──fulfil──▶ fulfilled ──complete──▶ completed
 *      │                     │  ▲               │  ▲
 *      └─cancel/expiry─▶ cancelled   refund    │  │ partial refund settled (or refund failed)
 *                            ▼  │               ▼  │
 *                          refunding ◀──────────┘  │
 *                            │  └──────────────────┘
 *                            └─ everything paid has been refunded ─▶ refunded
 *
 * Decisions (docs/payments.md): a partial refund returns the order to the status it was refunded from;
 * completed, cancelled and refunded are final; several refunds may be in flight at once (each its own
 * record), the order stays `refunding` until the last one settles.
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  created: ['paid', 'cancelled'],
  paid: ['fulfilled', 'refunding'],
  fulfilled: ['completed', 'refunding'],
  refunding: ['refunded', 'paid', 'fulfilled'],
  completed: [],
  cancelled: [],
  refunded: [],
}

export const ORDER_STATUSES = Object.keys(TRANSITIONS) as OrderStatus[]

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('ORDER.ILLEGAL_TRANSITION', ORDER_ERROR_MESSAGES['ORDER.ILLEGAL_TRANSITION'], { from, to })
  }
}

export function isFinal(status: OrderStatus): boolean {
  return TRANSITIONS[status].length === 0
}

/** Statuses from which money may go back (a refund may be requested). */
export const REFUNDABLE_FROM: readonly OrderStatus[] = ['paid', 'fulfilled', 'refunding']

