/**
 * Index declarations, as plain data. Each area lists its indexes next to its collections in its
 * index.ts (defineArea); cloudfunctions/areas.ts gathers them, the local engine creates them as SQLite
 * expression indexes, and docs/architecture.md tells ops to create the same ones in the CloudBase
 * console (a test keeps the two lists equal). Only declare scalar fields (strings, numbers, booleans):
 * the local planner trusts that an indexed field is never an array when it pushes an equality to SQL.
 */
export interface IndexSpec {
  collection: string
  fields: string[]
  unique?: boolean
}

export const indexKey = (spec: IndexSpec) => `${spec.collection}:${spec.fields.join(',')}`

/** The specs as given, without repeats (two queries may need the same index). */
export function defineIndexes(...specs: IndexSpec[]): readonly IndexSpec[] {
  const seen = new Set<string>()
  return specs.filter((s) => !seen.has(indexKey(s)) && !!seen.add(indexKey(s)))
}
