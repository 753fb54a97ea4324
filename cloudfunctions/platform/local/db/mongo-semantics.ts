import { Query, Aggregator, update as mingoUpdate } from 'mingo'
import type { Doc } from './ejson-codec'
import { wireErrors } from './wire-errors'

/**
 * Everything MongoDB-shaped (query matching, projection, sort, update operators, aggregation) is mingo's;
 * this file only adapts it to the engine's documents.
 */
const queryCache = new Map<string, Query>()

function compiled(q: Record<string, any>): Query {
  // Queries repeat constantly (same shape, same values for hot paths); compiling once saves real time.
  let key: string
  try {
    key = JSON.stringify(q, (_k, v) => (v instanceof RegExp ? `/${v.source}/${v.flags}` : v))
  } catch {
    return new Query(q)
  }
  let query = queryCache.get(key)
  if (!query) {
    try {
      query = new Query(q)
    } catch (e) {
      throw wireErrors.invalidParam(`invalid query: ${(e as Error).message}`)
    }
    if (queryCache.size > 2000) queryCache.clear()
    queryCache.set(key, query)
  }
  return query
}

export function matches(doc: Doc, q: Record<string, any>): boolean {
  return Object.keys(q).length === 0 || compiled(q).test(doc)
}

export interface FindOptions {
  order?: Record<string, 1 | -1>
  offset?: number
  limit?: number
  projection?: Record<string, any>
}

export function findDocs(docs: Doc[], q: Record<string, any>, options: FindOptions): Doc[] {
  let out = Object.keys(q).length === 0 ? docs : docs.filter((d) => compiled(q).test(d))
  if (options.order) {
    out = new Aggregator([{ $sort: options.order }]).run(out) as Doc[]
  }
  const start = options.offset ?? 0
  const end = options.limit === undefined ? undefined : start + options.limit
  out = out.slice(start, end)
  if (options.projection && Object.keys(options.projection).length > 0) {
    out = new Aggregator([{ $project: options.projection }]).run(out) as Doc[]
  }
  return out
}

/** Applies MongoDB update operators to a copy of the document. */
export function applyUpdate(current: Doc, updateSpec: Record<string, any>): Doc {
  const keys = Object.keys(updateSpec)
  if (keys.length === 0) return structuredClone(current)
  if (!keys.every((k) => k.startsWith('$'))) throw wireErrors.invalidParam('update must use operators when merge is true')
  const next = structuredClone(current)
  try {
    mingoUpdate(next, updateSpec as never, undefined, undefined, { cloneMode: 'deep' })
  } catch (e) {
    throw wireErrors.invalidParam(`invalid update: ${(e as Error).message}`)
  }
  return next
}

export function runPipeline(source: Doc[], pipeline: Record<string, any>[], resolve: (collection: string) => Doc[]): Doc[] {
  try {
    return new Aggregator(pipeline, { collectionResolver: resolve }).run(source) as Doc[]
  } catch (e) {
    throw wireErrors.invalidParam(`invalid aggregate pipeline: ${(e as Error).message}`)
  }
}
