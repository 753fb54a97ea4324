import type { Db } from '@cloudbase/database'
import { isDuplicateKey, must } from '../kernel/db-result'

/** Ids per `_.in` list: well inside CloudBase's limits and the local planner's pushdown bound. */
export const IN_CHUNK = 100
/** CloudBase answers at most 1000 documents per get and takes at most 1000 per batch add. */
const PAGE = 1000

export type Counter = () => void

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

/**
 * Every row of `collection` whose `field` is one of `values`, read IN_CHUNK values at a time and paged
 * by _id (an index walk on CloudBase and locally), so a batch of households costs a few calls, not one
 * query per household.
 */
export async function readWhereIn<T extends { _id: string }>(db: Db, collection: string, field: string, values: readonly string[], count: Counter, extra: Record<string, unknown> = {}): Promise<T[]> {
  const _ = db.command
  const out: T[] = []
  for (const part of chunks(values, IN_CHUNK)) {
    if (field === '_id') {
      // At most IN_CHUNK rows: one read, no cursor (a cursor on _id would replace the list condition).
      count()
      out.push(...(must(await db.collection(collection).where({ ...extra, _id: _.in(part) }).limit(PAGE).get()).data as T[]))
      continue
    }
    let after = ''
    for (;;) {
      count()
      const page = must(await db.collection(collection).where({ ...extra, [field]: _.in(part), _id: _.gt(after) }).orderBy('_id', 'asc').limit(PAGE).get()).data as T[]
      out.push(...page)
      if (page.length < PAGE) break
      after = page[page.length - 1]._id
    }
  }
  return out
}

/**
 * Writes rows that did not exist when read: one batch add per 1000. A duplicate (a concurrent recompute
 * or a re-run after a crash wrote some of them first) sends that batch through set() one by one, which
 * writes the same values, so the outcome is the same either way.
 */
export async function insertOrSet(db: Db, collection: string, rows: readonly ({ _id: string } & Record<string, unknown>)[], count: Counter): Promise<void> {
  for (const part of chunks(rows, PAGE)) {
    count()
    try {
      must(await db.collection(collection).add(part))
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
      for (const { _id, ...fields } of part) {
        count()
        must(await db.collection(collection).doc(_id).set(fields))
      }
    }
  }
}

/** Removes rows by id (plus an optional condition that must still hold), IN_CHUNK ids per call. */
export async function removeIds(db: Db, collection: string, ids: readonly string[], count: Counter, extra: Record<string, unknown> = {}): Promise<void> {
  const _ = db.command
  for (const part of chunks(ids, IN_CHUNK)) {
    count()
    must(await db.collection(collection).where({ ...extra, _id: _.in(part) }).remove())
  }
}
