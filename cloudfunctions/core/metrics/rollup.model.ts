import { defineIndexes } from '../kernel/indexes'
import type { Tx } from '../kernel/transaction'
import { txGet, txWrite } from '../kernel/transaction'

/**
 * Monthly rollups, one document per (scope, key, month), kept on write: every order event adds its
 * deltas inside the same transaction that records the event once (attribution, accrual, reversal,
 * refund mark), so a figure can never count an event twice nor miss one that was recorded.
 * Reading a month of a steward is one document read, whatever the number of orders.
 */
export const METRIC_COLLECTIONS = { rollups: 'metric_rollups' } as const

export const METRIC_INDEXES = defineIndexes({ collection: METRIC_COLLECTIONS.rollups, fields: ['communityId', 'month'] })

export type MetricScope = 'steward' | 'grid' | 'community'

export const COUNTERS = [
  'orders',
  'gmvFen',
  'refundFen',
  'buyers',
  'repurchasers',
  'convertedResidents',
  'commissionAccruedFen',
  'commissionReversedFen',
  'ruleLastTouch',
  'ruleHomeSteward',
  'ruleSelfPurchase',
  'ruleUnattributed',
] as const
export type Counter = (typeof COUNTERS)[number]

export type RollupDoc = {
  _id: string
  scope: MetricScope
  key: string
  communityId: string
  month: string
  updatedAt: Date
} & Record<Counter, number>

/** The month key of a steward's all-time commission totals (what the dashboard's "not yet settled" needs). */
export const ALL_TIME = 'all'

/** A steward's figures are per community (one person may steward in two): `<communityId>~<openid>`. */
export const stewardScopeKey = (communityId: string, openid: string) => `${communityId}~${openid}`

/** Readable ids: `s-2026-11-<communityId>~<stewardOpenid>`, `g-2026-11-<gridId>`, `c-2026-11-<communityId>`. */
export function rollupId(scope: MetricScope, month: string, key: string): string {
  return `${scope[0]}-${month}-${key}`
}

export function emptyRollup(scope: MetricScope, key: string, communityId: string, month: string): RollupDoc {
  const doc = { _id: rollupId(scope, month, key), scope, key, communityId, month, updatedAt: new Date(0) } as RollupDoc
  for (const c of COUNTERS) doc[c] = 0
  return doc
}

export interface ScopeRef {
  scope: MetricScope
  key: string
}

/** Deltas collected while deciding an event's effects, applied to each document once. */
export class RollupDeltas {
  private readonly docs = new Map<string, { ref: ScopeRef; communityId: string; month: string; inc: Partial<Record<Counter, number>> }>()

  add(ref: ScopeRef | null, communityId: string, month: string, counter: Counter, n: number): this {
    if (!ref || n === 0) return this
    const id = rollupId(ref.scope, month, ref.key)
    let entry = this.docs.get(id)
    if (!entry) this.docs.set(id, (entry = { ref, communityId, month, inc: {} }))
    entry.inc[counter] = (entry.inc[counter] ?? 0) + n
    return this
  }

  /** The same counters for several scopes (steward, grid, community) of one event. */
  addAll(refs: (ScopeRef | null)[], communityId: string, month: string, counter: Counter, n: number): this {
    for (const ref of refs) this.add(ref, communityId, month, counter, n)
    return this
  }

  get size(): number {
    return this.docs.size
  }

  /** Inside a transaction: read each rollup, write it back with the deltas (created when missing). */
  async apply(t: Tx, now: Date, collection: string = METRIC_COLLECTIONS.rollups): Promise<void> {
    // One operation at a time: a CloudBase transaction is a database session, not safe for parallel calls.
    for (const [id, { ref, communityId, month, inc }] of this.docs) {
      const current = await txGet<RollupDoc>(t, collection, id)
      const { _id, ...doc } = current ?? emptyRollup(ref.scope, ref.key, communityId, month)
      void _id
      for (const [counter, n] of Object.entries(inc) as [Counter, number][]) doc[counter] = (doc[counter] ?? 0) + n
      await txWrite(t.collection(collection).doc(id).set({ ...doc, updatedAt: now }))
    }
  }
}
