import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The dynamic door pass as bytes. Kept free of database, SDK and zod imports on purpose: door readers
 * run this file (with pass-keys.ts and pass-verifier.ts) offline, on whatever small Node they have.
 *
 * Layout (big-endian), then base64url for the QR:
 *   0  version (1)          = 1
 *   1  kind (1)             1 resident, 2 visitor
 *   2  kid (1)              which community key signed it (rotation)
 *   3  community tag (4)    sha256(communityId)[0..4], so a reader can say "wrong community" precisely
 *   7  issuedAt (4)         unix seconds
 *  11  ttl (2)              seconds
 *  13  nonce (6)            random; with issuedAt it names this code for replay detection
 *  19  subject length (1) + subject (utf8): householdId (resident) or visitor pass id (visitor)
 *   …  holder tag (8)       resident: HMAC of the member's openid (no personal data in the QR); visitor: zeros
 *   …  door count (1) + door numbers (2 each)
 *   …  MAC (16)             HMAC-SHA256(key, every byte before it), truncated to 128 bits
 */
export const PASS_VERSION = 1
export const MAC_BYTES = 16
export const HOLDER_TAG_BYTES = 8
export const NONCE_BYTES = 6
export const MAX_SUBJECT_BYTES = 64
export const MAX_PASS_DOORS = 64

export type PassKind = 'resident' | 'visitor'

export interface PassClaims {
  kind: PassKind
  kid: number
  communityTag: string
  issuedAt: number
  ttlSeconds: number
  nonce: string
  subject: string
  holderTag: string
  doorNos: number[]
}

export interface DecodedPass {
  claims: PassClaims
  signed: Buffer
  mac: Buffer
}

const KIND_BYTE: Record<PassKind, number> = { resident: 1, visitor: 2 }

const tagCache = new Map<string, string>()

export function communityTag(communityId: string): string {
  let tag = tagCache.get(communityId)
  if (!tag) {
    tag = createHash('sha256').update(communityId, 'utf8').digest().subarray(0, 4).toString('hex')
    // A reader serves one community, the functions a few hundred: the cache stays tiny.
    if (tagCache.size > 10_000) tagCache.clear()
    tagCache.set(communityId, tag)
  }
  return tag
}

export function macOf(secret: Uint8Array, signed: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(signed).digest().subarray(0, MAC_BYTES)
}

/** Ties a resident pass to one member without putting the openid in a QR anyone can photograph. */
export function holderTagOf(secret: Uint8Array, householdId: string, openid: string): string {
  return createHmac('sha256', secret).update(`holder|${householdId}|${openid}`, 'utf8').digest().subarray(0, HOLDER_TAG_BYTES).toString('hex')
}

export function encodePass(claims: PassClaims, secret: Uint8Array): string {
  const subject = Buffer.from(claims.subject, 'utf8')
  if (subject.length === 0 || subject.length > MAX_SUBJECT_BYTES) throw new RangeError('pass subject length out of range')
  if (claims.doorNos.length === 0 || claims.doorNos.length > MAX_PASS_DOORS) throw new RangeError('pass door count out of range')
  const head = Buffer.alloc(19)
  head.writeUInt8(PASS_VERSION, 0)
  head.writeUInt8(KIND_BYTE[claims.kind], 1)
  head.writeUInt8(claims.kid, 2)
  Buffer.from(claims.communityTag, 'hex').copy(head, 3)
  head.writeUInt32BE(claims.issuedAt, 7)
  head.writeUInt16BE(claims.ttlSeconds, 11)
  Buffer.from(claims.nonce, 'hex').copy(head, 13)
  const doors = Buffer.alloc(1 + 2 * claims.doorNos.length)
  doors.writeUInt8(claims.doorNos.length, 0)
  claims.doorNos.forEach((n, i) => doors.writeUInt16BE(n, 1 + 2 * i))
  const signed = Buffer.concat([head, Buffer.from([subject.length]), subject, Buffer.from(claims.holderTag, 'hex'), doors])
  return Buffer.concat([signed, macOf(secret, signed)]).toString('base64url')
}

const BASE64URL = /^[A-Za-z0-9_-]+$/

/** Structure only: any code that is not exactly one well-formed pass (truncated, padded, garbled) is null. */
export function decodePass(code: string): DecodedPass | null {
  if (typeof code !== 'string' || code.length < 40 || code.length > 400 || !BASE64URL.test(code)) return null
  const buf = Buffer.from(code, 'base64url')
  if (buf.toString('base64url') !== code) return null
  if (buf.length < 19 + 1 + 1 + HOLDER_TAG_BYTES + 1 + 2 + MAC_BYTES) return null
  if (buf.readUInt8(0) !== PASS_VERSION) return null
  const kindByte = buf.readUInt8(1)
  const kind: PassKind | undefined = kindByte === 1 ? 'resident' : kindByte === 2 ? 'visitor' : undefined
  if (!kind) return null
  const subjectLen = buf.readUInt8(19)
  if (subjectLen === 0 || subjectLen > MAX_SUBJECT_BYTES) return null
  const tagAt = 20 + subjectLen
  const countAt = tagAt + HOLDER_TAG_BYTES
  if (buf.length <= countAt) return null
  const doorCount = buf.readUInt8(countAt)
  const macAt = countAt + 1 + 2 * doorCount
  if (doorCount === 0 || doorCount > MAX_PASS_DOORS || buf.length !== macAt + MAC_BYTES) return null
  const doorNos = Array.from({ length: doorCount }, (_, i) => buf.readUInt16BE(countAt + 1 + 2 * i))
  return {
    claims: {
      kind,
      kid: buf.readUInt8(2),
      communityTag: buf.subarray(3, 7).toString('hex'),
      issuedAt: buf.readUInt32BE(7),
      ttlSeconds: buf.readUInt16BE(11),
      nonce: buf.subarray(13, 19).toString('hex'),
      subject: buf.subarray(20, tagAt).toString('utf8'),
      holderTag: buf.subarray(tagAt, countAt).toString('hex'),
      doorNos,
    },
    signed: buf.subarray(0, macAt),
    mac: buf.subarray(macAt),
  }
}

export function macMatches(secret: Uint8Array, decoded: DecodedPass): boolean {
  return timingSafeEqual(macOf(secret, decoded.signed), decoded.mac)
}

/** A code's identity for replay detection: the same printed code, whoever shows it. */
export function replayKeyOf(claims: PassClaims): string {
  return `${claims.communityTag}${claims.kid.toString(16).padStart(2, '0')}${claims.issuedAt.toString(16)}${claims.nonce}`
}
