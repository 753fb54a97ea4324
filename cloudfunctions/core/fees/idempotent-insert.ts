import type { Db } from '@cloudbase/database'
import { isDuplicateKey, must } from '../kernel/db-result'

const BATCH = 500

/**
 * Inserts documents whose _id is their identity, in batches; documents already present are counted, not
 * duplicated. A batch that hits a duplicate (a resumed or concurrent run got there first) is retried with
 * only the missing ids — whether CloudBase kept part of the failed batch or none of it makes no difference.
 * `checkFirst` skips the optimistic insert when most documents are expected to exist (a re-scan).
 */
export async function insertMissing<T extends { _id: string }>(
  db: Db,
  collection: string,
  docs: T[],
  options: { checkFirst?: boolean } = {},
): Promise<{ created: number; existing: number }> {
  let created = 0
  let existing = 0
  const coll = db.collection(collection)
  const _ = db.command
  for (let i = 0; i < docs.length; i += BATCH) {
    let batch = docs.slice(i, i + BATCH)
    if (!options.checkFirst) {
      try {
        if (batch.length) must(await coll.add(batch))
        created += batch.length
        continue
      } catch (e) {
        if (!isDuplicateKey(e)) throw e
      }
    }
    const present = must(await coll.where({ _id: _.in(batch.map((d) => d._id)) }).field({ _id: true }).limit(BATCH).get()).data as { _id: string }[]
    const presentIds = new Set(present.map((d) => d._id))
    existing += presentIds.size
    batch = batch.filter((d) => !presentIds.has(d._id))
    try {
      if (batch.length) must(await coll.add(batch))
      created += batch.length
      continue
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
    }
    // Still racing someone: settle it document by document.
    for (const doc of batch) {
      try {
        must(await coll.add(doc))
        created++
      } catch (e) {
        if (!isDuplicateKey(e)) throw e
        existing++
      }
    }
  }
  return { created, existing }
}
