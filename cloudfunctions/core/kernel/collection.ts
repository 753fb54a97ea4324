import type { Db } from '@cloudbase/database'
import { must } from './db-result'

/** A stored document: every collection's rows carry a string `_id`. */
export interface StoredDoc {
  _id: string
}

/**
 * A collection name tied to the type of its documents, so reads come back typed without a cast at
 * each call site. `ref` is the plain query builder for everything else (where/orderBy/aggregate).
 */
export interface TypedCollection<T extends StoredDoc> {
  readonly name: string
  readonly ref: ReturnType<Db['collection']>
  /** One document by id, or null. */
  byId(id: string): Promise<T | null>
  /** Documents matching a plain equality filter (CloudBase caps a get at 1000; pass a limit for more control). */
  find(where: Partial<Record<keyof T & string, unknown>> & Record<string, unknown>, limit?: number): Promise<T[]>
  /** The first match of a filter, or null. */
  first(where: Partial<Record<keyof T & string, unknown>> & Record<string, unknown>): Promise<T | null>
}

export function collectionOf<T extends StoredDoc>(db: Db, name: string): TypedCollection<T> {
  const ref = db.collection(name)
  return {
    name,
    ref,
    async byId(id) {
      const rows = must(await ref.doc(id).get()).data as T[]
      return rows[0] ?? null
    },
    async find(where, limit = 100) {
      return must(await ref.where(where).limit(limit).get()).data as T[]
    },
    async first(where) {
      const rows = must(await ref.where(where).limit(1).get()).data as T[]
      return rows[0] ?? null
    },
  }
}
