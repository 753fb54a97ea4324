/**
 * Community pass keys and their rotation windows: see core/access/pass-keys.ts for how signer and reader use them.
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

/**
 * Where the functions get community pass keys. Production reads the ACCESS_PASS_KEYS secret
 * (core/access/pass-key-config.ts); local runs bring their own store.
 */
export interface PassKeyStore {
  keysFor(communityId: string): readonly PassKey[]
}

