/**
 * Community pass keys and rotation, shared by the signer (functions) and the offline reader. No imports:
 * a reader is provisioned with the same key list the functions get from their secret store.
 *
 * Rotation with overlap: the new key is distributed to readers ahead of time with `signFrom` = T; at T
 * the functions start signing with it. The old key gets `verifyUntil` = T + overlap, so codes it signed
 * just before T (and readers whose clock is a little behind) keep working until the overlap ends; after
 * that the old key verifies nothing. A leaked key is retired at once by setting `verifyUntil` to now.
 */
export interface PassKey {
  /** 0–255, written into every code so the reader knows which key to check it with. */
  kid: number
  secret: Uint8Array
  /** Epoch ms from which functions sign with this key (the newest such key signs). */
  signFrom: number
  /** Epoch ms after which this key verifies nothing; null while it is current. */
  verifyUntil: number | null
}

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
