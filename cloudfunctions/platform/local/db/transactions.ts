import { randomUUID } from 'node:crypto'
import type { Doc } from './ejson-codec'
import { wireErrors } from './wire-errors'

/**
 * Optimistic transactions. Reads inside a transaction remember the revision they saw; writes are buffered.
 * Commit re-checks every remembered revision inside one SQLite transaction and applies the buffer only if
 * nobody changed those documents meanwhile; otherwise it answers DATABASE_TRANSACTION_CONFLICT, which the
 * SDK's runTransaction retries, the way CloudBase reports a write conflict.
 */
export interface TxState {
  id: string
  startedAt: number
  /** key = collection \u0000 id → revision seen (null = did not exist) */
  seen: Map<string, number | null>
  /** key → document to write, or null to delete */
  writes: Map<string, Doc | null>
}

export const TX_TTL_MS = 30_000

export function txKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`
}

export function splitTxKey(key: string): [string, string] {
  const i = key.indexOf('\u0000')
  return [key.slice(0, i), key.slice(i + 1)]
}

export class TransactionRegistry {
  private readonly open = new Map<string, TxState>()

  start(now: number): TxState {
    this.expire(now)
    const tx: TxState = { id: randomUUID().replace(/-/g, ''), startedAt: now, seen: new Map(), writes: new Map() }
    this.open.set(tx.id, tx)
    return tx
  }

  get(id: string, now: number): TxState {
    this.expire(now)
    const tx = this.open.get(id)
    if (!tx) throw wireErrors.transactionNotFound(id)
    return tx
  }

  finish(id: string): void {
    this.open.delete(id)
  }

  openCount(): number {
    return this.open.size
  }

  /** CloudBase aborts transactions left open too long; so do we, so a crashed caller leaks nothing. */
  private expire(now: number): void {
    for (const [id, tx] of this.open) if (now - tx.startedAt > TX_TTL_MS) this.open.delete(id)
  }
}
