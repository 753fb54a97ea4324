import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { ORDER_ERROR_MESSAGES } from '../../contracts/errors/orders'
import { assertTransition } from './order-state-machine'
import { ORDER_COLLECTIONS, type OrderDoc, type OrderStatus, type StatusChange } from './order.model'

export async function loadOrder(platform: Platform, orderId: string): Promise<OrderDoc | undefined> {
  return (must(await platform.db.collection(ORDER_COLLECTIONS.orders).doc(orderId).get()).data as OrderDoc[])[0]
}

export async function requireOrder(platform: Platform, orderId: string): Promise<OrderDoc> {
  const order = await loadOrder(platform, orderId)
  if (!order) throw new DomainError('ORDER.NOT_FOUND', ORDER_ERROR_MESSAGES['ORDER.NOT_FOUND'])
  return order
}

export function historyEntry(from: OrderStatus | null, to: OrderStatus, at: Date, by: string, note: string | null = null): StatusChange {
  return { from, to, at, by, note }
}

/**
 * Moves `order` (as read) to `to`, checked against the machine, as ONE conditional update on the status it
 * was read in: if anyone moved the order meanwhile, nothing is written and the caller gets `false` (then
 * re-reads and decides; see transitionOrThrow). `set` carries the fields that change with the status.
 */
export async function tryTransition(
  platform: Platform,
  order: OrderDoc,
  to: OrderStatus,
  change: { by: string; note?: string | null; set?: Record<string, unknown> },
): Promise<boolean> {
  assertTransition(order.status, to)
  const db = platform.db
  const now = platform.clock.now()
  const res = must(
    await db
      .collection(ORDER_COLLECTIONS.orders)
      .where({ _id: order._id, status: order.status })
      .update({ ...change.set, status: to, updatedAt: now, history: db.command.push([historyEntry(order.status, to, now, change.by, change.note ?? null)]) }),
  )
  return res.updated === 1
}

/**
 * tryTransition with re-reads: a lost race is re-judged on the fresh status, so the loser gets the real
 * reason (ORDER.ILLEGAL_TRANSITION, or `accept` says the order already is where we wanted it).
 */
export async function transitionOrThrow(
  platform: Platform,
  orderId: string,
  to: OrderStatus,
  change: { by: string; note?: string | null; set?: (order: OrderDoc) => Record<string, unknown> },
  guard?: (order: OrderDoc) => void,
): Promise<OrderDoc> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const order = await requireOrder(platform, orderId)
    guard?.(order)
    if (await tryTransition(platform, order, to, { by: change.by, note: change.note, set: change.set?.(order) })) {
      return requireOrder(platform, orderId)
    }
  }
  throw new DomainError('CONFLICT')
}
