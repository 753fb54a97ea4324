import { randomBytes } from 'node:crypto'
import { communityTag, encodePass, holderTagOf, HOLDER_TAG_BYTES, NONCE_BYTES, type PassKind } from './pass-codec'
import { signingKey, type PassKey } from './pass-keys'

export interface SignRequest {
  communityId: string
  keys: readonly PassKey[]
  kind: PassKind
  /** householdId for residents, visitor pass id for visitors. */
  subject: string
  /** Resident passes name their holder; visitor passes are bearer passes counted server-side. */
  holderOpenid?: string
  doorNos: number[]
  nowMs: number
  ttlSeconds: number
}

export interface SignedPass {
  code: string
  kid: number
  issuedAtMs: number
  expiresAtMs: number
}

/** Returns null when the community has no key that may sign now (not configured, or all retired). */
export function signPass(req: SignRequest): SignedPass | null {
  const key = signingKey(req.keys, req.nowMs)
  if (!key) return null
  const issuedAt = Math.floor(req.nowMs / 1000)
  const holderTag = req.kind === 'resident' && req.holderOpenid ? holderTagOf(key.secret, req.subject, req.holderOpenid) : '00'.repeat(HOLDER_TAG_BYTES)
  const code = encodePass(
    {
      kind: req.kind,
      kid: key.kid,
      communityTag: communityTag(req.communityId),
      issuedAt,
      ttlSeconds: req.ttlSeconds,
      nonce: randomBytes(NONCE_BYTES).toString('hex'),
      subject: req.subject,
      holderTag,
      doorNos: [...new Set(req.doorNos)].sort((a, b) => a - b),
    },
    key.secret,
  )
  return { code, kid: key.kid, issuedAtMs: issuedAt * 1000, expiresAtMs: (issuedAt + req.ttlSeconds) * 1000 }
}
