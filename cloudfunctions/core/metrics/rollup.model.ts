import type { Db } from '@cloudbase/database'
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

/**
 * Counters that many writers hit at once are sharded: every paid order of a community adds to the
 * community's month, so concurrent payments would all write one document and conflict. A community's
 * month is split over ROLLUP_SHARDS.community documents (`<id>`, `<id>#1`…), a grid's over fewer; each
 * event adds to the one shard its id hashes to, and readers sum the shards (still a fixed number of
 * documents per figure, independent of order count). A steward's own month is written by their own sales
 * only, so it stays one document.
 */
export const ROLLUP_SHARDS: Record<MetricScope, number> = { steward: 1, grid: 4, community: 8 }

/** All shard ids of one rollup; shard 0 is the plain id, so unsharded data reads the same. */
export function rollupShardIds(scope: MetricScope, id: string): string[] {
  return Array.from({ length: ROLLUP_SHARDS[scope] }, (_x, i) => (i === 0 ? id : `${id}#${i}`))
}

/** The shard an event (keyed by a stable id, e.g. the order id) writes to: retries pick the same one. */
export function rollupShardId(scope: MetricScope, id: string, eventKey: string): string {
  const n = ROLLUP_SHARDS[scope]
  if (n <= 1) return id
  let h = 0
  for (let i = 0; i < eventKey.length; i++) h = (h * 31 + eventKey.charCodeAt(i)) | 0
  const shard = Math.abs(h) % n
  return shard === 0 ? id : `${id}#${shard}`
}

/** The rollup id a shard belongs to. */
export const rollupIdOfShard = (shardId: string) => shardId.split('#')[0]

/** Sums shard documents into one document per rollup id (what readers use). */
export function sumRollupShards(docs: RollupDoc[]): Map<string, RollupDoc> {
  const out = new Map<string, RollupDoc>()
  for (const d of docs) {
    const id = rollupIdOfShard(d._id)
    const acc = out.get(id)
    if (!acc) {
      out.set(id, { ...d, _id: id })
      continue
    }
    for (const c of COUNTERS) acc[c] = (acc[c] ?? 0) + (d[c] ?? 0)
    if (new Date(d.updatedAt).getTime() > new Date(acc.updatedAt).getTime()) acc.updatedAt = d.updatedAt
  }
  return out
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

  /**
   * Inside a transaction: add the deltas to each rollup (the shard `eventKey` hashes to) by increment,
   * without reading it; only a shard that does not exist yet (its month's first event) is read and
   * created. One write per rollup instead of a read and a write.
   */
  async apply(t: Tx, now: Date, eventKey: string, command: Db['command'], collection: string = METRIC_COLLECTIONS.rollups): Promise<void> {
    // One operation at a time: a CloudBase transaction is a database session, not safe for parallel calls.
    for (const [baseId, { ref, communityId, month, inc }] of this.docs) {
      const id = rollupShardId(ref.scope, baseId, eventKey)
      const increments: Record<string, unknown> = { updatedAt: now }
      for (const [counter, n] of Object.entries(inc) as [Counter, number][]) increments[counter] = command.inc(n)
      const res = (await t.collection(collection).doc(id).update(increments)) as { updated?: number; code?: string }
      if (res && typeof res.code === 'string' && res.code) throw res
      if (res?.updated === 1) continue
      const current = await txGet<RollupDoc>(t, collection, id)
      const { _id, ...doc } = current ?? emptyRollup(ref.scope, ref.key, communityId, month)
      void _id
      for (const [counter, n] of Object.entries(inc) as [Counter, number][]) doc[counter] = (doc[counter] ?? 0) + n
      await txWrite(t.collection(collection).doc(id).set({ ...doc, updatedAt: now }))
    }
  }
}
