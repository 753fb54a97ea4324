/**
 * Index declarations for every collection, one list for both worlds: the local engine creates them as
 * SQLite expression indexes, and docs/architecture.md tells ops to create the same ones in the CloudBase
 * console. Only declare scalar fields here (strings, numbers, booleans): the local planner trusts that
 * an indexed field is never an array when it pushes an equality down to SQL.
 */
export interface IndexSpec {
  collection: string
  fields: string[]
  unique?: boolean
}

const indexes: IndexSpec[] = []

/** Feature modules register their indexes at import time, next to the code that queries them. */
export function declareIndexes(...specs: IndexSpec[]): void {
  for (const spec of specs) {
    const key = `${spec.collection}:${spec.fields.join(',')}`
    if (!indexes.some((i) => `${i.collection}:${i.fields.join(',')}` === key)) indexes.push(spec)
  }
}

export function declaredIndexes(): readonly IndexSpec[] {
  return indexes
}

export function indexesOf(collection: string): IndexSpec[] {
  return indexes.filter((i) => i.collection === collection)
}
