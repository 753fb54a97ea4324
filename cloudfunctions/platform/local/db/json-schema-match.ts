/**
 * The `$jsonSchema` query operator as MongoDB implements it (and CloudBase passes through): JSON Schema
 * draft 4 keywords plus `bsonType`, matching documents that validate. mingo only evaluates $jsonSchema
 * with a validator supplied; this is that validator, for the keywords MongoDB documents.
 * Numbers map to BSON types the way the SDK serialises them: an integer within int32 is "int", any other
 * number is "double" (the SDK never sends a long or decimal).
 */
type Schema = Record<string, any>

const INT32_MAX = 2 ** 31 - 1
const INT32_MIN = -(2 ** 31)

function bsonTypeOf(v: unknown): string[] {
  if (v === null) return ['null']
  if (Array.isArray(v)) return ['array']
  if (v instanceof Date) return ['date']
  if (v instanceof RegExp) return ['regex']
  switch (typeof v) {
    case 'string':
      return ['string']
    case 'boolean':
      return ['bool']
    case 'number':
      return Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX ? ['int', 'number'] : ['double', 'number']
    case 'object':
      return ['object']
    default:
      return ['undefined']
  }
}

function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'boolean'
  if (v instanceof Date || v instanceof RegExp) return 'other'
  return typeof v === 'object' ? 'object' : 'other'
}

const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : [x])

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => deepEqual((a as any)[k], (b as any)[k]))
}

export function validates(schema: Schema, v: unknown): boolean {
  if (!schema || typeof schema !== 'object') throw new Error('$jsonSchema must be an object')
  if (schema.bsonType !== undefined) {
    const types = bsonTypeOf(v)
    if (!asList(schema.bsonType).some((t) => types.includes(String(t)) || (t === 'long' && types.includes('int')))) return false
  }
  if (schema.type !== undefined) {
    if (asList(schema.type).includes('integer')) throw new Error("$jsonSchema type 'integer' is not supported; use bsonType 'int'")
    if (!asList(schema.type).includes(jsonTypeOf(v))) return false
  }
  if (schema.enum !== undefined && !asList(schema.enum).some((e) => deepEqual(e, v))) return false
  if (typeof v === 'number') {
    if (typeof schema.minimum === 'number' && (schema.exclusiveMinimum === true ? v <= schema.minimum : v < schema.minimum)) return false
    if (typeof schema.maximum === 'number' && (schema.exclusiveMaximum === true ? v >= schema.maximum : v > schema.maximum)) return false
    if (typeof schema.multipleOf === 'number' && v % schema.multipleOf !== 0) return false
  }
  if (typeof v === 'string') {
    const len = Array.from(v).length
    if (typeof schema.minLength === 'number' && len < schema.minLength) return false
    if (typeof schema.maxLength === 'number' && len > schema.maxLength) return false
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) return false
  }
  if (Array.isArray(v)) {
    if (typeof schema.minItems === 'number' && v.length < schema.minItems) return false
    if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) return false
    if (schema.uniqueItems === true && v.some((x, i) => v.findIndex((y) => deepEqual(x, y)) !== i)) return false
    if (schema.items !== undefined) {
      if (Array.isArray(schema.items)) {
        for (let i = 0; i < v.length; i++) {
          if (i < schema.items.length) {
            if (!validates(schema.items[i], v[i])) return false
          } else if (schema.additionalItems === false) return false
          else if (schema.additionalItems && typeof schema.additionalItems === 'object' && !validates(schema.additionalItems, v[i])) return false
        }
      } else if (!v.every((x) => validates(schema.items, x))) return false
    }
  }
  if (jsonTypeOf(v) === 'object') {
    const obj = v as Record<string, unknown>
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined)
    if (Array.isArray(schema.required) && !schema.required.every((k: string) => keys.includes(k))) return false
    if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) return false
    if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) return false
    const props: Schema = schema.properties ?? {}
    const patterns: [RegExp, Schema][] = Object.entries(schema.patternProperties ?? {}).map(([p, s]) => [new RegExp(p, 'u'), s as Schema])
    for (const k of keys) {
      let covered = false
      if (props[k] !== undefined) {
        covered = true
        if (!validates(props[k], obj[k])) return false
      }
      for (const [re, s] of patterns) {
        if (re.test(k)) {
          covered = true
          if (!validates(s, obj[k])) return false
        }
      }
      if (!covered) {
        if (schema.additionalProperties === false) return false
        if (schema.additionalProperties && typeof schema.additionalProperties === 'object' && !validates(schema.additionalProperties, obj[k])) return false
      }
    }
    for (const [k, dep] of Object.entries(schema.dependencies ?? {})) {
      if (!keys.includes(k)) continue
      if (Array.isArray(dep) ? !dep.every((d) => keys.includes(String(d))) : !validates(dep as Schema, obj)) return false
    }
  }
  if (Array.isArray(schema.allOf) && !schema.allOf.every((s: Schema) => validates(s, v))) return false
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s: Schema) => validates(s, v))) return false
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((s: Schema) => validates(s, v)).length !== 1) return false
  if (schema.not && typeof schema.not === 'object' && validates(schema.not, v)) return false
  return true
}

/** The validator mingo calls for `$jsonSchema`: compiles nothing, just closes over the schema. */
export function jsonSchemaValidator(schema: Schema): (doc: unknown) => boolean {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) throw new Error('$jsonSchema must be an object')
  return (doc) => validates(schema, doc)
}
