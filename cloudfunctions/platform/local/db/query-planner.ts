import { jsonPath, type SqlFilter } from './sqlite-store'

/**
 * Turns the parts of a MongoDB query that an index can answer into a SQL pre-filter.
 * The pre-filter only narrows the candidate rows; mingo still checks every candidate against the full
 * query, so a planner mistake can cost speed but never correctness... as long as the pre-filter never
 * drops a matching row. That is why only `_id` and declared scalar index fields are pushed down, and only
 * for primitive operands.
 */
export interface PlannedFilter extends SqlFilter {
  /** True when SQL alone decides the match, so the engine may page in SQL (LIMIT/OFFSET). */
  exact: boolean
  /**
   * The conditions SQL does not decide exactly; candidates still need mingo for these. Dropping the
   * decided ones (typically `_id`) leaves a query whose shape and values repeat across calls, so its
   * compiled form is reused: where({_id: x, stock: gte(1)}) always leaves {stock: {$gte: 1}}.
   */
  residual: Record<string, any>
  /** Set when the filter is exactly `_id = <string>`: the store answers it with a primary-key lookup. */
  idEquals?: string
}

export interface PlanOptions {
  /**
   * Every _id of the collection is a string (SqliteStore.idsAllText): a string range on _id is then
   * decided by SQL exactly. With numeric ids present it is still a safe pre-filter, but mingo re-checks.
   */
  idsAllText?: boolean
}

export function planFilter(query: Record<string, any> | undefined, indexedFields: Set<string>, options: PlanOptions = {}): PlannedFilter {
  const clauses: string[] = []
  const params: unknown[] = []
  const q = query ?? {}
  const residual: Record<string, any> = {}
  let exact = true
  for (const [key, cond] of Object.entries(q)) {
    const keyExact = collect({ [key]: cond }, indexedFields, clauses, params, options.idsAllText === true)
    if (!keyExact) residual[key] = cond
    exact = keyExact && exact
  }
  const idEquals = typeof q._id === 'string' && clauses.length === 1 && clauses[0] === '_id = ?' ? q._id : undefined
  return { sql: clauses.join(' AND '), params, exact, residual, idEquals }
}

type Primitive = string | number | boolean

function isPrimitive(v: unknown): v is Primitive {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean'
}

function sqlValue(v: Primitive): unknown {
  // SQLite's json_extract yields 1/0 for JSON booleans.
  return typeof v === 'boolean' ? (v ? 1 : 0) : v
}

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

/** Returns true when every condition of `query` became SQL (nothing left for mingo to decide). */
function collect(query: Record<string, any>, indexed: Set<string>, clauses: string[], params: unknown[], idsAllText: boolean): boolean {
  let exact = true
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const sub of cond) exact = sub && typeof sub === 'object' ? collect(sub, indexed, clauses, params, idsAllText) && exact : false
      continue
    }
    if (key.startsWith('$')) {
      exact = false
      continue
    }
    const column = key === '_id' ? '_id' : indexed.has(key) ? jsonPath(key) : undefined
    if (!column) {
      exact = false
      continue
    }
    if (isPrimitive(cond)) {
      // Booleans read back from json_extract as 1/0, which would also equal a stored number 1/0.
      if ((key === '_id' && typeof cond !== 'string') || typeof cond === 'boolean') exact = false
      if (key === '_id' && typeof cond !== 'string') continue
      clauses.push(`${column} = ?`)
      params.push(sqlValue(cond))
      continue
    }
    if (!cond || typeof cond !== 'object' || Array.isArray(cond) || cond instanceof Date || cond instanceof RegExp) {
      exact = false
      continue
    }
    for (const [op, operand] of Object.entries(cond)) {
      if (op === '$eq' && isPrimitive(operand)) {
        if (typeof operand === 'boolean') exact = false
        clauses.push(`${column} = ?`)
        params.push(sqlValue(operand))
      } else if (op === '$in' && Array.isArray(operand) && operand.length > 0 && operand.length <= 500 && operand.every(isPrimitive)) {
        if (operand.some((v) => typeof v === 'boolean')) exact = false
        clauses.push(`${column} IN (${operand.map(() => '?').join(',')})`)
        params.push(...operand.map(sqlValue))
      } else if (op in RANGE && typeof operand === 'string' && key === '_id') {
        // The primary key: a cursor page (where({_id: _.gt(last)}).orderBy('_id')) is an index range.
        // SQLite compares TEXT bytewise (UTF-8), as MongoDB's simple collation does.
        if (!idsAllText) exact = false
        clauses.push(`_id ${RANGE[op]} ?`)
        params.push(operand)
      } else if ((op === '$gt' || op === '$gte') && operand instanceof Date && key !== '_id' && dateFloor(operand) !== null) {
        // A date lower bound ("bought within 30 days"): stored dates are relaxed EJSON, {"$date":"<ISO>"},
        // which json_extract returns as text. ISO text without its milliseconds and "Z" is a prefix of every
        // stored form of the same second, and sorts after every earlier second, so `>= prefix` keeps every
        // later date (also years past 9999, stored as {"$date":{"$numberLong"…}}, which sort after it). It
        // may keep non-dates too, so mingo re-checks: a pre-filter only, never exact.
        exact = false
        clauses.push(`${column} >= ?`)
        params.push(dateFloor(operand))
      } else if (op in RANGE && (typeof operand === 'number' || typeof operand === 'string') && key !== '_id') {
        // SQLite orders numbers before text; a typed comparison keeps mixed-type rows out of the range
        // exactly as MongoDB's type-bracketed comparison does.
        const typeCheck = typeof operand === 'number' ? `json_type(doc, '$.${key}') IN ('integer','real')` : `json_type(doc, '$.${key}') = 'text'`
        clauses.push(`(${typeCheck} AND ${column} ${RANGE[op]} ?)`)
        params.push(operand)
      } else {
        exact = false
      }
    }
  }
  return exact
}


/** `{"$date":"YYYY-MM-DDTHH:mm:ss` of a date in 1970…9999 (relaxed EJSON's ISO range), else null. */
function dateFloor(d: Date): string | null {
  const t = d.getTime()
  if (!Number.isFinite(t) || t < 0 || d.getUTCFullYear() > 9999) return null
  return `{"$date":"${d.toISOString().slice(0, 19)}`
}
