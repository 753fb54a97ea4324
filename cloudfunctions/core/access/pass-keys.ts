import type { PassKey } from '../kernel/ports/pass-keys.port'

export type { PassKey }

/**
 * Community pass keys and rotation, shared by the signer (functions) and the offline reader. Type imports only:
 * a reader is provisioned with the same key list the functions get from their secret store.
 *
 * Rotation with overlap: the new key is distributed to readers ahead of time with `signFrom` = T; at T
 * the functions start signing with it. The old key gets `verifyUntil` = T + overlap, so codes it signed
 * just before T (and readers whose clock is a little behind) keep working until the overlap ends; after
 * that the old key verifies nothing. A leaked key is retired at once by setting `verifyUntil` to now.
 */

export function isVerifiable(key: PassKey, nowMs: number, skewMs: number): boolean {
  return nowMs >= key.signFrom - skewMs && (key.verifyUntil === null || nowMs < key.verifyUntil)
}

/** The key functions sign with now: the newest key that has started and not been retired. */
export function signingKey(keys: readonly PassKey[], nowMs: number): PassKey | undefined {
  let best: PassKey | undefined
  for (const k of keys) {
    if (k.signFrom > nowMs || (k.verifyUntil !== null && nowMs >= k.verifyUntil)) continue
    if (!best || k.signFrom > best.signFrom) best = k
  }
  return best
}

export function verifyingKey(keys: readonly PassKey[], kid: number, nowMs: number, skewMs: number): PassKey | undefined {
  return keys.find((k) => k.kid === kid && isVerifiable(k, nowMs, skewMs))
}
