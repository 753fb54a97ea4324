import { EJSON, BSONRegExp } from 'bson'

/**
 * The SDK ships queries, updates and documents as canonical EJSON strings. These helpers turn them
 * into plain JS values mingo understands (Date, RegExp, numbers) and back.
 */
export type Doc = Record<string, unknown> & { _id?: unknown }

const SERVER_DATE = '$tcb_server_date'

/** Parse one wire EJSON string; `now` resolves db.serverDate() placeholders, as the server would. */
export function decodeWire(text: string | undefined, now: Date): any {
  if (text === undefined || text === null || text === '') return undefined
  return normalize(EJSON.parse(text), now)
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

/** What the SDK expects back in a `list`: one canonical EJSON string per document. */
export function encodeWire(doc: unknown): string {
  return EJSON.stringify(doc as any, { relaxed: false })
}

/** Storage form: relaxed EJSON keeps numbers and strings plain so SQLite can index them with json_extract. */
export function encodeStored(doc: Doc): string {
  return EJSON.stringify(doc as any, { relaxed: true })
}

export function decodeStored(text: string): Doc {
  return EJSON.parse(text, { relaxed: true }) as Doc
}
