import { randomBytes } from 'node:crypto'
import { SqliteStore } from './sqlite-store'
import { TransactionRegistry } from './transactions'
import { WireFailure } from './wire-errors'
import { runWireAction, type ActionScope } from './wire-actions'
import type { IndexSpec } from '../../../core/kernel/indexes'

export interface LocalDbEngineOptions {
  /** SQLite file path, or ':memory:' for tests. */
  file: string
  /** Resolves db.serverDate(); injectable so tests control time. */
  now?: () => Date
  /** The declared indexes of a collection (the local platform passes the areas' list); none by default. */
  indexSpecs?: (collection: string) => IndexSpec[]
  /** Yield to the event loop before each call, as a network round trip would; on by default. */
  yieldBetweenCalls?: boolean
}

/**
 * Called before every wire action. Throw a WireFailure (or any error) to make that call fail the way a
 * CloudBase outage would; used by fault-injection tests.
 */
export type FaultHook = (action: string, params: Record<string, unknown>, callNumber: number) => void

/**
 * The local stand-in for CloudBase's database service: executes the wire actions the
 * @cloudbase/database query builder sends, against SQLite, with MongoDB semantics from mingo.
 */
export class LocalDbEngine {
  readonly store: SqliteStore
  readonly transactions = new TransactionRegistry()
  readonly now: () => Date
  faultHook: FaultHook | undefined
  private readonly yieldBetweenCalls: boolean
  private calls = 0
  readonly callsByAction = new Map<string, number>()

  constructor(options: LocalDbEngineOptions) {
    this.now = options.now ?? (() => new Date())
    this.store = new SqliteStore(options.file, options.indexSpecs ?? (() => []))
    this.yieldBetweenCalls = options.yieldBetweenCalls ?? true
  }

  /** Total wire calls so far; benchmarks read it to report DB operations per use case. */
  get callCount(): number {
    return this.calls
  }

  resetCallCount(): void {
    this.calls = 0
    this.callsByAction.clear()
  }

  async execute(action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    if (this.yieldBetweenCalls) await new Promise((resolve) => setImmediate(resolve))
    const requestId = randomBytes(8).toString('hex')
    this.calls += 1
    this.callsByAction.set(action, (this.callsByAction.get(action) ?? 0) + 1)
    try {
      this.faultHook?.(action, params, this.calls)
      const scope: ActionScope = { store: this.store, transactions: this.transactions, now: this.now() }
      const reply = runWireAction(scope, action, params)
      return { requestId, ...reply }
    } catch (e) {
      if (e instanceof WireFailure) return { requestId, code: e.code, message: e.message }
      const message = e instanceof Error ? e.message : String(e)
      return { requestId, code: 'DATABASE_REQUEST_FAILED', message }
    }
  }

  close(): void {
    this.store.close()
  }
}

export function newDocumentId(): string {
  return randomBytes(16).toString('hex')
}
