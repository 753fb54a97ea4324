import type { OrderHookContext } from './order-type-hooks'
import { transitionOrThrow, historyEntry } from './order-transition'
import { assertTransition } from './order-state-machine'
import { DomainError } from '../kernel/domain-error'
import { ORDER_ERROR_MESSAGES } from '../../contracts/errors/orders'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import { emitInTx, newOutboxEvent, processAfterCommit } from '../outbox'
import { ORDER_TOPICS, type OrderEventPayload, type OrderOutboxEvent } from './order-events'
import { ORDER_COLLECTIONS, type OrderDoc } from './order.model'

/**
 * paid → fulfilled: the service was done / the group-buy goods were handed over. The status move and the
 * `order.fulfilled` outbox event commit together (one fact, one event: `order.fulfilled:<orderId>`), so
 * what follows a fulfilment — commission accrual, the merchant's sale and its 分账 request — can neither be
 * lost by a crash nor happen without the order really being fulfilled. The effects run right after commit
 * and from the orders.processOutbox timer for whatever a crash or failure left.
 */
export async function fulfilOrder(ctx: OrderHookContext, orderId: string, by: string, note: string | null = null): Promise<OrderDoc> {
  const db = ctx.platform.db
  const { order, event } = await runTx(db, async (t): Promise<{ order: OrderDoc; event: OrderOutboxEvent }> => {
    const now = ctx.platform.clock.now()
    const current = await txGet<OrderDoc>(t, ORDER_COLLECTIONS.orders, orderId)
    if (!current) throw new DomainError('ORDER.NOT_FOUND', ORDER_ERROR_MESSAGES['ORDER.NOT_FOUND'])
    assertTransition(current.status, 'fulfilled')
    const change = historyEntry(current.status, 'fulfilled', now, by, note)
    await txWrite(t.collection(ORDER_COLLECTIONS.orders).doc(orderId).update({ status: 'fulfilled', updatedAt: now, history: db.command.push([change]) }))
    const fulfilled: OrderDoc = { ...current, status: 'fulfilled', updatedAt: now, history: [...current.history, change] }
    const e = newOutboxEvent<OrderEventPayload>(ORDER_TOPICS.fulfilled, orderId, { order: fulfilled, notes: {} }, now, current.communityId)
    await emitInTx(t, e)
    return { order: fulfilled, event: e }
  })
  await processAfterCommit(ctx, event)
  return order
}

/** fulfilled → completed: closed for good (no refunds after this). */
export function completeOrder(ctx: OrderHookContext, orderId: string, by: string, note: string | null = null): Promise<OrderDoc> {
  return transitionOrThrow(ctx.platform, orderId, 'completed', { by, note })
}
