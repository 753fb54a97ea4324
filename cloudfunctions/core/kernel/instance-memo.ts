/**
 * What one function instance remembers between calls for a moment. CloudBase keeps a function instance warm
 * between invocations (module state survives until the instance is recycled), so a flash sale's thousands of
 * refusals can skip re-reading what the instance saw a moment ago. Entries are per database (one `Db` per
 * platform, so test worlds in one process never share), expire after `ttlMs` of real time — a cache's age,
 * not business time, so it ignores the platform clock — and hold at most `max` keys.
 *
 * Nothing may *accept* on the strength of a memo: use it only to refuse early for a reason a fresh read
 * would give too, and only where the refusal is not recorded (a retry is judged afresh). Another instance
 * does not see this one's invalidations; the TTL bounds how long it can be behind.
 *
 * When an entry expires, the first caller to ask gets nothing (and reads afresh); for the next `refreshMs`
 * the others keep getting the old value, so fifty calls in flight at the expiry do not all read at once.
 */
export interface InstanceMemo<V> {
  get(db: object, key: string): V | undefined
  set(db: object, key: string, value: V): void
  delete(db: object, key: string): void
  /** Drops every entry whose value matches (e.g. the campaign holding a SKU whose stock came back). */
  deleteWhere(db: object, match: (value: V) => boolean): void
}

export function instanceMemo<V>(ttlMs: number, max = 500, refreshMs = Math.min(100, ttlMs)): InstanceMemo<V> {
  const perDb = new WeakMap<object, Map<string, { value: V; until: number; refreshing?: boolean }>>()
  const mapOf = (db: object) => {
    let m = perDb.get(db)
    if (!m) perDb.set(db, (m = new Map()))
    return m
  }
  return {
    get(db, key) {
      const m = perDb.get(db)
      const hit = m?.get(key)
      if (!hit) return undefined
      const now = performance.now()
      if (hit.until > now) return hit.value
      if (hit.refreshing && now < hit.until + refreshMs) return hit.value
      if (hit.refreshing) {
        // The refresher never came back (its read failed): drop the entry.
        m!.delete(key)
        return undefined
      }
      hit.refreshing = true
      return undefined
    },
    set(db, key, value) {
      const m = mapOf(db)
      m.delete(key)
      // Oldest first out: a Map iterates in insertion order.
      if (m.size >= max) m.delete(m.keys().next().value as string)
      m.set(key, { value, until: performance.now() + ttlMs })
    },
    delete(db, key) {
      perDb.get(db)?.delete(key)
    },
    deleteWhere(db, match) {
      const m = perDb.get(db)
      if (!m) return
      for (const [k, v] of m) if (match(v.value)) m.delete(k)
    },
  }
}
