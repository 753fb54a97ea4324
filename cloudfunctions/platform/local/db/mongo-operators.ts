import { Context, evalExpr } from 'mingo/core'
import { Query as BaseQuery } from 'mingo/query'
import * as accumulatorOperators from 'mingo/operators/accumulator'
import * as expressionOperators from 'mingo/operators/expression'
import * as pipelineOperators from 'mingo/operators/pipeline'
import * as projectionOperators from 'mingo/operators/projection'
import * as queryOperators from 'mingo/operators/query'
import * as windowOperators from 'mingo/operators/window'
import { resolve } from 'mingo/util'
import { jsonSchemaValidator } from './json-schema-match'

/**
 * mingo's operators, with the few places where mingo answers differently from MongoDB (and therefore from
 * CloudBase) replaced. Each replacement is pinned by a conformance test in tests/conformance.
 */
type Any = any
type ExprOp = (obj: Any, expr: Any, options: Any) => Any
type QueryOp = (selector: string, value: Any, options: Any) => (obj: Any) => boolean

const mingoExpr = expressionOperators as unknown as Record<string, ExprOp>
const mingoQuery = queryOperators as unknown as Record<string, QueryOp>

/**
 * $week: MongoDB counts weeks starting on Sunday; days before the year's first Sunday are week 0
 * (mingo counts ISO-style). Dates are taken in UTC unless a timezone is given as an offset ("+08:00").
 */
const $week: ExprOp = (obj, expr, options) => {
  const spec = expr && typeof expr === 'object' && !Array.isArray(expr) && !(expr instanceof Date) && 'date' in expr ? expr : { date: expr }
  const date = evalExpr(obj, spec.date, options)
  if (date === null || date === undefined) return null
  if (!(date instanceof Date)) throw new Error('$week requires a date')
  const offsetMinutes = spec.timezone ? utcOffsetMinutes(String(evalExpr(obj, spec.timezone, options)), date) : 0
  const local = new Date(date.getTime() + offsetMinutes * 60_000)
  const startOfYear = Date.UTC(local.getUTCFullYear(), 0, 1)
  const dayOfYear = Math.floor((local.getTime() - startOfYear) / 86_400_000) // 0-based
  const jan1Weekday = new Date(startOfYear).getUTCDay() // 0 = Sunday
  const firstSunday = (7 - jan1Weekday) % 7 // day-of-year (0-based) of the first Sunday
  return dayOfYear < firstSunday ? 0 : Math.floor((dayOfYear - firstSunday) / 7) + 1
}

function utcOffsetMinutes(tz: string, at: Date): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(tz)
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
  // An Olson name ("Asia/Shanghai"): the offset in force at that instant.
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at)
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000)
}

/**
 * $substr / $substrBytes: a negative length means "to the end of the string" in MongoDB, and a length past
 * the end is cut at the end; mingo refuses the first and errors on the second.
 */
function toEndWhenNegative(original: ExprOp): ExprOp {
  return (obj, expr, options) => {
    if (!Array.isArray(expr) || expr.length !== 3) return original(obj, expr, options)
    const [s, index, count] = evalExpr(obj, expr, options) as [unknown, unknown, unknown]
    // A negative length, or one running past the end, takes the rest of the string (MongoDB clamps).
    let length = count
    if (typeof count === 'number' && typeof s === 'string' && typeof index === 'number') {
      const rest = Math.max(0, Buffer.byteLength(s, 'utf8') - index)
      if (count < 0 || count > rest) length = rest
    }
    return original(obj, [{ $literal: s }, { $literal: index }, { $literal: length }], options)
  }
}

/** $indexOfCP: index (in code points) of the first occurrence of a substring, or -1; mingo lacks it. */
const $indexOfCP: ExprOp = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw new Error('$indexOfCP expects 2 to 4 arguments')
  const [s, sub, start, end] = evalExpr(obj, expr, options) as [unknown, unknown, unknown, unknown]
  if (s === null || s === undefined) return null
  if (typeof s !== 'string') throw new Error('$indexOfCP requires a string as the first argument')
  if (typeof sub !== 'string') throw new Error('$indexOfCP requires a string as the second argument')
  for (const bound of [start, end]) {
    if (bound !== undefined && (!Number.isInteger(bound) || (bound as number) < 0)) throw new Error('$indexOfCP bounds must be non-negative integers')
  }
  const chars = Array.from(s)
  const needle = Array.from(sub)
  const from = (start as number | undefined) ?? 0
  const to = Math.min((end as number | undefined) ?? chars.length, chars.length)
  for (let i = from; i + needle.length <= to; i++) {
    let hit = true
    for (let j = 0; j < needle.length; j++) {
      if (chars[i + j] !== needle[j]) {
        hit = false
        break
      }
    }
    if (hit) return i
  }
  return -1
}

/**
 * $elemMatch with field conditions ({tags: {$elemMatch: {k: 'x'}}}) only matches elements that are
 * documents: MongoDB never matches an array of plain values against field conditions. mingo does, so
 * that form is evaluated here; the operator-only form ({$elemMatch: {$gte: 2}}) stays mingo's.
 */
const $elemMatch: QueryOp = (selector, value, options) => {
  // mingo passes its compute options; the field-condition form compiles its own query with the engine's context.
  const hasFieldCondition = value && typeof value === 'object' && Object.keys(value).some((k) => !k.startsWith('$'))
  if (!hasFieldCondition) return mingoQuery.$elemMatch(selector, value, options)
  const criteria = new BaseQuery(value, { context: CONTEXT, jsonSchemaValidator } as never)
  return (obj) => {
    const arr = resolve(obj, selector, { unwrapArray: true })
    if (!Array.isArray(arr)) return false
    return arr.some((el) => el !== null && typeof el === 'object' && !Array.isArray(el) && !(el instanceof Date) && criteria.test(el))
  }
}

export const CONTEXT = Context.init({
  accumulator: accumulatorOperators as never,
  expression: { ...mingoExpr, $week, $substr: toEndWhenNegative(mingoExpr.$substr), $substrBytes: toEndWhenNegative(mingoExpr.$substrBytes), $indexOfCP } as never,
  pipeline: pipelineOperators as never,
  projection: projectionOperators as never,
  query: { ...mingoQuery, $elemMatch } as never,
  window: windowOperators as never,
})

/** Options every Query/Aggregator of the engine is built with. */
export const MINGO_OPTIONS = { context: CONTEXT, jsonSchemaValidator }
