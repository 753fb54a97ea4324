import { randomUUID } from 'node:crypto'
import type { Doc } from './ejson-codec'
import { wireErrors } from './wire-errors'

/**
 * Transactions with MongoDB's snapshot isolation, which is what CloudBase runs underneath:
 * - reads see the database as it was when the transaction began, plus the transaction's own writes;
 * - a write to a document that another open transaction has already written, or that someone committed
 *   after this transaction began, fails at once with DATABASE_TRANSACTION_CONFLICT and ends the
 *   transaction (MongoDB's WriteConflict aborts it too); the SDK's runTransaction then retries;
 * - documents only read are not validated at commit (no read-set check): like MongoDB, two transactions
 *   that read the same document and write different ones both commit.
 *
 * Snapshots are kept cheaply: writes are buffered until commit, and before anyone commits a change to a
 * document, the engine calls `preserve`, which hands the old version to every open transaction that has
 * not pinned that document yet. So a transaction reads its pinned version when there is one, else the
 * store (which has not changed for that document since the transaction began).
 */
export interface PinnedVersion {
  rev: number | null
  /** stored text, null = did not exist */
  text: string | null
}

export interface TxState {
  id: string
  startedAt: number
  /** key = collection \u0000 id → revision the transaction read it at (null = did not exist) */
  seen: Map<string, number | null>
  /** versions of documents other writers changed after this transaction began */
  pinned: Map<string, PinnedVersion>
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
  /** document key → the open transaction that has written it */
  private readonly writers = new Map<string, string>()
  /**
   * Transactions ended by a write conflict. Every later call on one (another write, the commit) answers
   * DATABASE_TRANSACTION_CONFLICT too, so a caller that does not check each write's result still gets a
   * conflict at commit, which runTransaction retries.
   */
  private readonly conflicted = new Set<string>()

  start(now: number): TxState {
    this.expire(now)
    const tx: TxState = { id: randomUUID().replace(/-/g, ''), startedAt: now, seen: new Map(), pinned: new Map(), writes: new Map() }
    this.open.set(tx.id, tx)
    return tx
  }

  get(id: string, now: number): TxState {
    this.expire(now)
    const tx = this.open.get(id)
    if (!tx) throw this.conflicted.has(id) ? wireErrors.transactionConflict() : wireErrors.transactionNotFound(id)
    return tx
  }

  /** Ends `tx` because of a write conflict and returns the error to answer. */
  conflict(tx: TxState): Error {
    this.finish(tx.id)
    if (this.conflicted.size >= 10_000) this.conflicted.clear()
    this.conflicted.add(tx.id)
    return wireErrors.transactionConflict()
  }

  finish(id: string): void {
    const tx = this.open.get(id)
    if (!tx) return
    this.open.delete(id)
    this.conflicted.delete(id)
    for (const key of tx.writes.keys()) if (this.writers.get(key) === id) this.writers.delete(key)
  }

  openCount(): number {
    return this.open.size
  }

  /**
   * Called before a change to `key` is committed (by a plain write, or by transaction `by` committing).
   * `load` reads the version about to be replaced; it runs at most once, and only if some open
   * transaction still needs that version for its snapshot.
   */
  preserve(key: string, by: string | undefined, load: () => PinnedVersion): void {
    if (this.open.size === 0 || (this.open.size === 1 && by !== undefined && this.open.has(by))) return
    let before: PinnedVersion | undefined
    for (const tx of this.open.values()) {
      if (tx.id === by || tx.pinned.has(key)) continue
      before ??= load()
      tx.pinned.set(key, before)
    }
  }

  /**
   * A transaction is about to buffer a write to `key`. Fails at once (and ends the transaction) when
   * another open transaction has written the document, or someone committed a change to it after this
   * transaction began: the write could never commit.
   */
  claim(tx: TxState, key: string): void {
    const owner = this.writers.get(key)
    const takenByOther = owner !== undefined && owner !== tx.id && this.open.has(owner)
    const changedSinceStart = tx.pinned.has(key) && !tx.writes.has(key)
    if (takenByOther || changedSinceStart) throw this.conflict(tx)
    this.writers.set(key, tx.id)
  }

  /** CloudBase aborts transactions left open too long; so do we, so a crashed caller leaks nothing. */
  private expire(now: number): void {
    for (const [id, tx] of this.open) if (now - tx.startedAt > TX_TTL_MS) this.finish(id)
  }
}
