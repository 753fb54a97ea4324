import type { FnReply } from '../contracts/envelope'
import { ERROR_MESSAGES } from '../contracts/errors'

/** No contract nests anywhere near this deep; a deeper event is an attack on recursive code, not input. */
export const MAX_EVENT_DEPTH = 32
/** Keys that, assigned onto an object, change its prototype instead of adding a field (so they vanish silently). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Checked before anything walks the event recursively (JSON round trip, zod, the handlers): nesting is
 * capped, and keys that would be silently dropped or pollute prototypes are refused at every level,
 * the top one included. Iterative, so a 5,000-deep event cannot overflow the stack here either.
 */
export function guardEvent(event: unknown): FnReply<never> | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: event, depth: 0, path: '(root)' }]
  while (stack.length) {
    const { value, depth, path } = stack.pop()!
    if (!value || typeof value !== 'object') continue
    if (depth >= MAX_EVENT_DEPTH) return refuse(path, `嵌套层级超过 ${MAX_EVENT_DEPTH} 层`)
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]] as const)
    for (const [key, child] of entries) {
      const childPath = path === '(root)' ? key : `${path}.${key}`
      if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key)) return refuse(childPath, `不允许的字段名 ${key}`)
      stack.push({ value: child, depth: depth + 1, path: childPath })
    }
  }
  return null
}

function refuse(path: string, message: string): FnReply<never> {
  return { ok: false, code: 'VALIDATION.FAILED', message: ERROR_MESSAGES['VALIDATION.FAILED'], issues: [{ path, message }] }
}
