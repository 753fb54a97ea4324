import { EJSON, BSONRegExp } from 'bson'

/**
 * The SDK ships queries, updates and documents as canonical EJSON strings. These helpers turn them
 * into plain JS values mingo understands (Date, RegExp, numbers) and back.
 *
 * Speed matters here: every wire call decodes at least one string and every read encodes documents.
 * bson's EJSON walks every value through a generic type table; the common shapes (plain JSON plus
 * `$numberInt`/`$numberDouble`/`$numberLong`/`$date`/regex wrappers) are decoded by a small walker over
 * JSON.parse output instead, and documents with no special values are stored and sent as plain JSON,
 * which is exactly what relaxed EJSON is for them. Anything rarer (ObjectId, Binary, Timestamp…) takes
 * bson's path, so the result is always the same as EJSON's.
 */
export type Doc = Record<string, unknown> & { _id?: unknown }

const SERVER_DATE = '$tcb_server_date'
/** Wrappers the fast walker does not handle; their presence sends the whole text through bson. */
const RARE_TYPES = /"\$(oid|binary|timestamp|symbol|code|scope|minKey|maxKey|undefined|dbPointer|dbRef|ref|uuid|numberDecimal)"/

/** Parse one wire EJSON string; `now` resolves db.serverDate() placeholders, as the server would. */
export function decodeWire(text: string | undefined, now: Date): any {
  if (text === undefined || text === null || text === '') return undefined
  if (RARE_TYPES.test(text)) return normalize(EJSON.parse(text), now)
  const value = JSON.parse(text)
  return text.includes('"$') ? revive(value, now) : value
}

/** True when the wire text depends on the time of the call (db.serverDate()), so it must not be cached. */
export function usesServerDate(text: string | undefined): boolean {
  return typeof text === 'string' && text.includes(SERVER_DATE)
}

function revive(value: any, now: Date): any {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], now)
    return value
  }
  const keys = Object.keys(value)
  if (keys.length === 1 || keys.length === 2) {
    const special = wrapper(value, keys, now)
    if (special !== NOT_WRAPPER) return special
  }
  for (const k of keys) value[k] = revive(value[k], now)
  return value
}

const NOT_WRAPPER = Symbol('not a wrapper')

function wrapper(value: any, keys: string[], now: Date): unknown {
  const k = keys[0]
  if (k.charCodeAt(0) !== 36 /* $ */) return NOT_WRAPPER
  if (keys.length === 1) {
    const v = value[k]
    switch (k) {
      case '$numberInt':
      case '$numberDouble':
      case '$numberLong':
        if (typeof v === 'string') return Number(v)
        return NOT_WRAPPER
      case '$date':
        if (typeof v === 'string' || typeof v === 'number') return new Date(v)
        if (v && typeof v === 'object' && typeof v.$numberLong === 'string') return new Date(Number(v.$numberLong))
        return NOT_WRAPPER
      case '$regularExpression':
        if (v && typeof v.pattern === 'string') return new RegExp(v.pattern, String(v.options ?? '').replace(/[^gimsuy]/g, ''))
        return NOT_WRAPPER
      case SERVER_DATE: {
        const offset = revive(v, now)?.offset
        return new Date(now.getTime() + Number(offset ?? 0))
      }
      case '$regex':
        if (typeof v === 'string') return new RegExp(v)
        return NOT_WRAPPER
    }
    return NOT_WRAPPER
  }
  // Legacy regex form {$regex, $options}; bson turns it into a regex too (and mingo treats both alike).
  if (keys.includes('$regex') && keys.includes('$options') && typeof value.$regex === 'string' && typeof value.$options === 'string') {
    return new RegExp(value.$regex, value.$options.replace(/[^gimsuy]/g, ''))
  }
  return NOT_WRAPPER
}

function normalize(value: any, now: Date): any {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return value
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''))
  if (Array.isArray(value)) return value.map((v) => normalize(v, now))
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === SERVER_DATE) {
    const offset = Number(value[SERVER_DATE]?.offset ?? 0)
    return new Date(now.getTime() + offset)
  }
  // Objects other than plain ones (Long, Decimal128...) collapse to their numeric value.
  if (typeof value.toNumber === 'function' && value._bsontype) return value.toNumber()
  const out: Record<string, unknown> = {}
  for (const k of keys) out[k] = normalize(value[k], now)
  return out
}

/**
 * True when JSON.stringify writes the same text relaxed EJSON would: only plain objects, arrays, strings,
 * booleans, null and finite numbers other than -0.
 */
function isPlainJson(value: unknown): boolean {
  if (value === null) return true
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0)
    case 'object': {
      if (Array.isArray(value)) {
        for (const v of value) if (v === undefined || !isPlainJson(v)) return false
        return true
      }
      const proto = Object.getPrototypeOf(value)
      if (proto !== Object.prototype && proto !== null) return false
      for (const k in value as object) {
        const v = (value as Record<string, unknown>)[k]
        if (v !== undefined && !isPlainJson(v)) return false
      }
      return true
    }
    default:
      return false
  }
}

/**
 * What the SDK gets back in a `list`: one EJSON string per document. The SDK parses it with
 * EJSON.parse (relaxed), which yields the same values from relaxed and canonical text, so the cheaper
 * relaxed form is sent — the same text the store keeps, so a stored document can go out unchanged.
 */
export function encodeWire(doc: unknown): string {
  return encodeStored(doc as Doc)
}

/** Storage form: relaxed EJSON keeps numbers and strings plain so SQLite can index them with json_extract. */
export function encodeStored(doc: Doc): string {
  return isPlainJson(doc) ? JSON.stringify(doc) : EJSON.stringify(doc as any, { relaxed: true })
}

export function decodeStored(text: string): Doc {
  // Relaxed EJSON of a document without dates or other typed values is plain JSON.
  return (text.includes('"$') ? EJSON.parse(text, { relaxed: true }) : JSON.parse(text)) as Doc
}
