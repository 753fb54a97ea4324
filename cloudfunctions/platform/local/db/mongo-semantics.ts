import { Query } from 'mingo/query'
import { Aggregator } from 'mingo/aggregator'
import { MINGO_OPTIONS } from './mongo-operators'
import * as updateOperators from 'mingo/operators/update'
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
    // Dates must not collide with their ISO strings (JSON.stringify has already called toJSON on them).
    key = shapeKey(q)
  } catch {
    return new Query(q, MINGO_OPTIONS as never)
  }
  let query = queryCache.get(key)
  if (!query) {
    try {
      query = new Query(q, MINGO_OPTIONS as never)
    } catch (e) {
      throw wireErrors.invalidParam(`invalid query: ${(e as Error).message}`)
    }
    if (queryCache.size > 2000) queryCache.clear()
    queryCache.set(key, query)
  }
  return query
}

/** A compiled matcher for `q`, or undefined when q is empty (everything matches). */
export function matcherFor(q: Record<string, any>): Query | undefined {
  return Object.keys(q).length === 0 ? undefined : compiled(q)
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

/** A cache key for a query or stage: JSON, with Dates and RegExps kept apart from look-alike strings. */
function shapeKey(q: unknown): string {
  return JSON.stringify(q, function (this: Record<string, unknown>, k, v) {
    const raw = this[k]
    if (raw instanceof Date) return { $date: raw.getTime() }
    return raw instanceof RegExp ? { $re: `/${raw.source}/${raw.flags}` } : v
  })
}

/**
 * Sort and projection stages, built once per shape: every `new Aggregator` copies mingo's whole operator
 * table into a fresh context (the single largest cost of a small query in a profile of the flash sale).
 * A stage holds no per-run state, so one instance serves every run.
 */
const stageCache = new Map<string, Aggregator>()
function stage(op: '$sort' | '$project', spec: Record<string, any>): Aggregator {
  const key = op + shapeKey(spec)
  let agg = stageCache.get(key)
  if (!agg) {
    agg = new Aggregator([{ [op]: spec }], MINGO_OPTIONS as never)
    if (stageCache.size > 2000) stageCache.clear()
    stageCache.set(key, agg)
  }
  return agg
}

export function findDocs(docs: Doc[], q: Record<string, any>, options: FindOptions): Doc[] {
  let out = Object.keys(q).length === 0 ? docs : docs.filter((d) => compiled(q).test(d))
  if (options.order) {
    out = stage('$sort', options.order).run(out) as Doc[]
  }
  const start = options.offset ?? 0
  const end = options.limit === undefined ? undefined : start + options.limit
  out = out.slice(start, end)
  if (options.projection && Object.keys(options.projection).length > 0) {
    out = stage('$project', options.projection).run(out) as Doc[]
  }
  return out
}

type Mutator = (doc: Doc) => string[]
const OPERATORS = updateOperators as unknown as Record<string, (expr: unknown) => Mutator>
const mutatorCache = new Map<string, Mutator[]>()

/**
 * Compiles an operator update into mingo's per-operator mutators. mingo's `update()` rebuilds its whole
 * operator context on every call, which was most of a conditional update's time; the operator functions
 * themselves are cheap to build and, for updates whose operands are plain values, are cached by the
 * update's wire text (`cacheKey`). Updates with object operands are rebuilt per call so no document ever
 * shares an operand object with another.
 */
export function compileUpdate(updateSpec: Record<string, any>, cacheKey?: string): Mutator[] {
  if (cacheKey !== undefined) {
    const hit = mutatorCache.get(cacheKey)
    if (hit) return hit
  }
  const keys = Object.keys(updateSpec)
  if (!keys.every((k) => k.startsWith('$'))) throw wireErrors.invalidParam('update must use operators when merge is true')
  const fns: Mutator[] = []
  let cacheable = cacheKey !== undefined
  try {
    for (const op of keys) {
      const operator = OPERATORS[op]
      if (typeof operator !== 'function') throw new Error(`Unknown update operator: '${op}'.`)
      const expr = updateSpec[op]
      if (!expr || typeof expr !== 'object' || Array.isArray(expr)) throw new Error(`${op} needs an object of fields`)
      for (const v of Object.values(expr)) if (v !== null && typeof v === 'object' && !(v instanceof Date)) cacheable = false
      fns.push(operator(expr))
    }
  } catch (e) {
    throw wireErrors.invalidParam(`invalid update: ${(e as Error).message}`)
  }
  if (cacheable && cacheKey !== undefined) {
    if (mutatorCache.size > 2000) mutatorCache.clear()
    mutatorCache.set(cacheKey, fns)
  }
  return fns
}

/**
 * Applies compiled update operators to `doc` in place; returns whether anything changed (MongoDB's
 * nModified: $set to the same value or $inc by 0 changes nothing).
 */
export function applyCompiled(doc: Doc, fns: Mutator[]): boolean {
  let modified = false
  try {
    for (const fn of fns) if (fn(doc).length > 0) modified = true
  } catch (e) {
    throw wireErrors.invalidParam(`invalid update: ${(e as Error).message}`)
  }
  return modified
}

/** Applies MongoDB update operators to a copy of the document. */
export function applyUpdate(current: Doc, updateSpec: Record<string, any>): Doc {
  const next = structuredClone(current)
  applyCompiled(next, compileUpdate(updateSpec))
  return next
}

export function runPipeline(source: Doc[], pipeline: Record<string, any>[], resolve: (collection: string) => Doc[]): Doc[] {
  try {
    return new Aggregator(pipeline, { ...MINGO_OPTIONS, collectionResolver: resolve } as never).run(source) as Doc[]
  } catch (e) {
    throw wireErrors.invalidParam(`invalid aggregate pipeline: ${(e as Error).message}`)
  }
}
