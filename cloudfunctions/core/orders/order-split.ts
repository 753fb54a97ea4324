import type { Db } from '@cloudbase/database'
import { txWrite, type Tx } from '../kernel/transaction'
import { ORDER_COLLECTIONS, type OrderSplit } from './order.model'

/** Writes (or replaces) the order's split inside the caller's transaction. */
export async function writeOrderSplitInTx(t: Tx, db: Db, orderId: string, split: OrderSplit): Promise<void> {
  await txWrite(t.collection(ORDER_COLLECTIONS.orders).doc(orderId).update({ split: db.command.set(split) }))
}
