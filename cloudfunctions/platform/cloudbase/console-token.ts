import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Console tokens: the proof an ops person (or a trusted server such as a door reader) adds to an event
 * they run without a WeChat identity. `ct1.<operator>.<expiresAt unix s>.<HMAC-SHA256, base64url>`, signed
 * with a key held only in the functions' environment (CONSOLE_TOKEN_KEYS). The operator is an alias chosen
 * by ops ("ops-chen", "door-reader-3"), never a name or phone: it goes into every console log line.
 */
export const CONSOLE_TOKEN_ENV = 'CONSOLE_TOKEN_KEYS'
const VERSION = 'ct1'
const OPERATOR = /^[a-z0-9][a-z0-9_-]{1,31}$/
/** A token is a credential: it must expire, and not in years. */
export const MAX_TOKEN_LIFETIME_S = 31 * 86400
const MIN_KEY_LENGTH = 32

export type TokenRefusal = 'not_configured' | 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'too_long_lived'
export type TokenCheck = { ok: true; operator: string } | { ok: false; reason: TokenRefusal }

/** Keys from the environment, comma-separated: the first signs, every one verifies (rotation). Short keys are ignored. */
export function consoleKeys(env: Readonly<Record<string, string | undefined>>): string[] {
  return (env[CONSOLE_TOKEN_ENV] ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length >= MIN_KEY_LENGTH)
}

function signature(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url')
}

export function signConsoleToken(key: string, operator: string, expiresAt: Date): string {
  if (key.length < MIN_KEY_LENGTH) throw new Error(`console token key must be at least ${MIN_KEY_LENGTH} characters`)
  if (!OPERATOR.test(operator)) throw new Error('operator must be 2–32 characters of a-z, 0-9, "-" or "_" (an alias, not a name)')
  const payload = `${VERSION}.${operator}.${Math.floor(expiresAt.getTime() / 1000)}`
  return `${payload}.${signature(key, payload)}`
}

/** Checks a token against every configured key; signatures are compared in constant time. */
export function verifyConsoleToken(token: unknown, keys: string[], now: Date): TokenCheck {
  if (keys.length === 0) return { ok: false, reason: 'not_configured' }
  if (typeof token !== 'string' || token.length === 0) return { ok: false, reason: 'missing' }
  const parts = token.split('.')
  if (parts.length !== 4 || parts[0] !== VERSION || !OPERATOR.test(parts[1]) || !/^\d{1,12}$/.test(parts[2])) return { ok: false, reason: 'malformed' }
  const [, operator, exp, given] = parts
  const payload = `${VERSION}.${operator}.${exp}`
  const givenBuf = Buffer.from(given)
  let valid = false
  for (const key of keys) {
    const expected = Buffer.from(signature(key, payload))
    // Lengths are public (a SHA-256 digest in base64url is always 43 characters); contents are compared in constant time.
    if (expected.length === givenBuf.length && timingSafeEqual(expected, givenBuf)) valid = true
  }
  if (!valid) return { ok: false, reason: 'bad_signature' }
  const expiresMs = Number(exp) * 1000
  if (expiresMs <= now.getTime()) return { ok: false, reason: 'expired' }
  if (expiresMs - now.getTime() > MAX_TOKEN_LIFETIME_S * 1000) return { ok: false, reason: 'too_long_lived' }
  return { ok: true, operator }
}
