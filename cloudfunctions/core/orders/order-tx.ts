import type { Db } from '@cloudbase/database'
import { isTransactionConflict, must, rethrowDomain } from '../../runtime/db-result'
import { DomainError } from '../../runtime/domain-error'

/** The transaction handle @cloudbase/database passes to runTransaction (the SDK types it as any). */
export interface OrderTx {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<unknown>
      update(data: Record<string, unknown>): Promise<unknown>
    }
    add(data: object): Promise<unknown>
  }
}

/**
 * An optimistic transaction over single documents, retried on conflicts (each retry re-reads, so checks
 * like "refunds never exceed the payment" are re-made on fresh data). Conflicts that outlast the retries
 * become CONFLICT; DomainErrors come out unchanged.
 */
export async function runOrderTx<T>(db: Db, body: (t: OrderTx) => Promise<T>, attempts = 10): Promise<T> {
  try {
    return (await db.runTransaction(body, attempts)) as T
  } catch (e) {
    if (isTransactionConflict(e)) throw new DomainError('CONFLICT')
    return rethrowDomain(e)
  }
}

/** A transaction read: `{ data: doc | null }`, failures as values like every other call. */
export async function txDoc<T>(t: OrderTx, collection: string, id: string): Promise<T | null> {
  return ((must(await t.collection(collection).doc(id).get()) as { data?: T | null }).data ?? null) as T | null
}
