import type { Db } from '@cloudbase/database'
import { isTransactionConflict, rethrowDomain } from './db-result'
import { DomainError } from './domain-error'

/** The transaction handle @cloudbase/database gives the callback (the SDK types it loosely). */
export interface Tx {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<unknown>
      set(data: Record<string, unknown>): Promise<unknown>
      update(data: Record<string, unknown>): Promise<unknown>
    }
    add(data: object): Promise<unknown>
  }
}

/**
 * Runs an optimistic transaction, retried on write conflicts (each retry re-reads, so checks such as
 * "refunds never exceed the payment" are re-made on fresh data). A callback decides by *returning* an
 * outcome, so a refusal that must still record something (a failed attempt) commits; throwing rolls back.
 * Conflicts that outlast the retries become CONFLICT, never INTERNAL; DomainErrors come out unchanged.
 */
export async function runTx<T>(db: Db, body: (t: Tx) => Promise<T>, attempts = 10): Promise<T> {
  try {
    return (await db.runTransaction(body, attempts)) as T
  } catch (e) {
    if (isTransactionConflict(e)) throw new DomainError('CONFLICT')
    return rethrowDomain(e)
  }
}

/** Transaction reads answer `{ data: doc | null }`, and failures as values like every other call. */
export async function txGet<T>(t: Tx, collection: string, id: string): Promise<T | null> {
  const res = (await t.collection(collection).doc(id).get()) as { data?: T | null; code?: string; message?: string }
  if (res && typeof res.code === 'string' && res.code) throw res
  return (res.data ?? null) as T | null
}

export async function txWrite(op: Promise<unknown>): Promise<void> {
  const res = (await op) as { code?: string }
  if (res && typeof res.code === 'string' && res.code) throw res
}
