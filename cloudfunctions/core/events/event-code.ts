import { createHmac } from 'node:crypto'
import type { PassKey } from '../kernel/ports/pass-keys.port'
import { isVerifiable, signingKey } from '../access'

/**
 * The rotating event code on the organiser's phone. The access area's signed-pass approach, shaped for a
 * room: the community's pass key (same port, same rotation with kid and overlap) signs (event, time step)
 * and the code is 6 digits of that MAC (RFC 4226 truncation), so it can be typed on H5 as well as scanned.
 * A new code every STEP seconds; a code is accepted in its own step and the next one (20–40 s of life).
 * Everyone in the room sees the same code, so it carries no holder: what stops reuse is the server's
 * per-household memory of codes already used (replay), and the short life stops a code sent home.
 */
export const CODE_STEP_SECONDS = 20
/** How far back a code is still recognised as "expired" rather than "wrong" (a clearer message, nothing more). */
export const EXPIRED_LOOKBACK_STEPS = 180
export const QR_PREFIX = 'EVT1'

export const stepOf = (nowMs: number) => Math.floor(nowMs / 1000 / CODE_STEP_SECONDS)

export function codeFor(secret: Uint8Array, eventId: string, step: number): string {
  const mac = createHmac('sha256', secret).update(`event-code|${eventId}|${step}`, 'utf8').digest()
  const offset = mac[mac.length - 1] & 0x0f
  const bin = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3]
  return String(bin % 1_000_000).padStart(6, '0')
}

export interface IssuedCode {
  code: string
  qr: string
  kid: number
  step: number
  expiresAtMs: number
}

/** null when the community has no key that may sign now (fail closed, like door passes). */
export function issueEventCode(keys: readonly PassKey[], eventId: string, nowMs: number): IssuedCode | null {
  const key = signingKey(keys, nowMs)
  if (!key) return null
  const step = stepOf(nowMs)
  const code = codeFor(key.secret, eventId, step)
  return { code, qr: `${QR_PREFIX}.${eventId}.${code}`, kid: key.kid, step, expiresAtMs: (step + 2) * CODE_STEP_SECONDS * 1000 }
}

export type CodeCheck = { ok: true; kid: number; step: number } | { ok: false; reason: 'INVALID' | 'EXPIRED' }

/** Signature and time, with the keys that verify now (during a rotation both the old and the new key). */
export function checkEventCode(keys: readonly PassKey[], eventId: string, code: string, nowMs: number): CodeCheck {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'INVALID' }
  const live = keys.filter((k) => isVerifiable(k, nowMs, 0))
  const now = stepOf(nowMs)
  for (const key of live) for (const step of [now, now - 1]) if (codeFor(key.secret, eventId, step) === code) return { ok: true, kid: key.kid, step }
  for (const key of live) for (let step = now - 2; step >= now - EXPIRED_LOOKBACK_STEPS; step--) if (codeFor(key.secret, eventId, step) === code) return { ok: false, reason: 'EXPIRED' }
  return { ok: false, reason: 'INVALID' }
}

/** "EVT1.<eventId>.<6 digits>" from a scan, or bare digits typed on the event's own page. */
export function parseScanned(raw: string, pageEventId: string | undefined): { eventId: string; code: string } | null {
  const text = raw.replace(/\s+/g, '')
  const m = /^EVT1\.([A-Za-z0-9_-]{1,64})\.(\d{6})$/.exec(text)
  if (m) return { eventId: m[1], code: m[2] }
  if (/^\d{6}$/.test(text) && pageEventId) return { eventId: pageEventId, code: text }
  return null
}
