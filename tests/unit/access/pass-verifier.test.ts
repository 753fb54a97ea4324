import fc from 'fast-check'
import { decodePass } from '../../../cloudfunctions/core/access/pass-codec'
import type { PassKey } from '../../../cloudfunctions/core/access/pass-keys'
import { signPass } from '../../../cloudfunctions/core/access/pass-signer'
import { createOfflineVerifier, verifyPassCode } from '../../../cloudfunctions/core/access/pass-verifier'

const T0 = Date.parse('2026-11-22T02:00:00.000Z')
const key = (kid: number, fill: number, signFrom = 0, verifyUntil: number | null = null): PassKey => ({ kid, secret: Buffer.alloc(32, fill), signFrom, verifyUntil })
const K1 = key(1, 0x11)
const GATE = 1
const UNIT_DOOR = 101
const OTHER_UNIT_DOOR = 201

function residentCode(overrides: { keys?: PassKey[]; communityId?: string; nowMs?: number; doorNos?: number[]; ttlSeconds?: number } = {}) {
  const signed = signPass({
    communityId: overrides.communityId ?? 'c-sunshine',
    keys: overrides.keys ?? [K1],
    kind: 'resident',
    subject: 'h-1-1-101',
    holderOpenid: 'demo-owner',
    doorNos: overrides.doorNos ?? [GATE, UNIT_DOOR],
    nowMs: overrides.nowMs ?? T0,
    ttlSeconds: overrides.ttlSeconds ?? 30,
  })
  if (!signed) throw new Error('no signing key')
  return signed.code
}

const reader = (keys: PassKey[] = [K1]) => createOfflineVerifier({ communityId: 'c-sunshine', keys, skewMs: 2_000 })

describe('offline pass verifier', () => {
  it('accepts a fresh code at a door in its scope and reports who it names', () => {
    const code = residentCode()
    const result = reader().verify(code, UNIT_DOOR, T0 + 1_000)
    expect(result).toMatchObject({ ok: true, repeat: false, claims: { kind: 'resident', subject: 'h-1-1-101', doorNos: [GATE, UNIT_DOOR] } })
    expect(code.length).toBeLessThan(120)
  })

  it('refuses an expired code once its 30 s (plus skew) have passed, but not a moment before', () => {
    const code = residentCode()
    expect(reader().verify(code, GATE, T0 + 31_000).ok).toBe(true)
    expect(reader().verify(code, GATE, T0 + 32_000)).toMatchObject({ ok: false, reason: 'EXPIRED' })
  })

  it('refuses a code issued in the future beyond the skew', () => {
    expect(reader().verify(residentCode({ nowMs: T0 + 60_000 }), GATE, T0)).toMatchObject({ ok: false, reason: 'NOT_YET_VALID' })
  })

  it('refuses a code replayed within its window at another door, yet treats a re-scan at the same door as the same entry', () => {
    const controller = reader()
    const code = residentCode()
    expect(controller.verify(code, GATE, T0 + 1_000)).toMatchObject({ ok: true, repeat: false })
    expect(controller.verify(code, GATE, T0 + 2_000)).toMatchObject({ ok: true, repeat: true })
    expect(controller.verify(code, UNIT_DOOR, T0 + 5_000)).toMatchObject({ ok: false, reason: 'REPLAYED' })
    // A fresh code for the second door is fine.
    expect(controller.verify(residentCode({ nowMs: T0 + 4_000 }), UNIT_DOOR, T0 + 5_000).ok).toBe(true)
  })

  it('refuses a door outside the code scope', () => {
    expect(reader().verify(residentCode(), OTHER_UNIT_DOOR, T0)).toMatchObject({ ok: false, reason: 'OUT_OF_SCOPE' })
  })

  it('refuses a forged code: signed with a key the reader does not hold under a known kid', () => {
    const forged = residentCode({ keys: [key(1, 0x99)] })
    expect(reader().verify(forged, GATE, T0)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' })
  })

  it('refuses a code whose scope was widened after signing', () => {
    const code = residentCode()
    const bytes = Buffer.from(code, 'base64url')
    const decoded = decodePass(code)!
    const doorAt = decoded.signed.length - 2 * decoded.claims.doorNos.length
    bytes.writeUInt16BE(OTHER_UNIT_DOOR, doorAt)
    const tampered = bytes.toString('base64url')
    expect(decodePass(tampered)?.claims.doorNos).toContain(OTHER_UNIT_DOOR)
    expect(reader().verify(tampered, OTHER_UNIT_DOOR, T0)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' })
  })

  it.each([
    ['truncated by one character', (c: string) => c.slice(0, -1)],
    ['truncated to half', (c: string) => c.slice(0, Math.floor(c.length / 2))],
    ['with bytes appended', (c: string) => c + 'AAAA'],
    ['not base64url', (c: string) => c.replace(/.$/, '+')],
    ['empty', () => ''],
    ['a URL instead of a pass', () => 'https://example.com/some/path/that/is/long/enough/to/pass'],
  ])('refuses a code %s as MALFORMED', (_name, mangle) => {
    expect(reader().verify(mangle(residentCode()), GATE, T0)).toMatchObject({ ok: false, reason: 'MALFORMED' })
  })

  it('refuses a code of another community, even when both communities used the same kid', () => {
    const elsewhere = residentCode({ communityId: 'c-riverside' })
    expect(reader().verify(elsewhere, GATE, T0)).toMatchObject({ ok: false, reason: 'WRONG_COMMUNITY' })
  })

  describe('key rotation with an overlap period', () => {
    const switchAt = T0 + 3_600_000
    const overlapEnds = switchAt + 10 * 60_000
    const oldKey = key(1, 0x11, 0, overlapEnds)
    const newKey = key(2, 0x22, switchAt)
    const ring = [oldKey, newKey]

    it('signs with the old key before the switch and the new key after it', () => {
      expect(decodePass(residentCode({ keys: ring, nowMs: switchAt - 1_000 }))!.claims.kid).toBe(1)
      expect(decodePass(residentCode({ keys: ring, nowMs: switchAt + 1_000 }))!.claims.kid).toBe(2)
    })

    it('accepts old-key codes during the overlap and new-key codes throughout', () => {
      const lateOldCode = residentCode({ keys: [oldKey], nowMs: overlapEnds - 10_000 })
      expect(reader(ring).verify(lateOldCode, GATE, overlapEnds - 5_000).ok).toBe(true)
      const newCode = residentCode({ keys: ring, nowMs: switchAt + 5_000 })
      expect(reader(ring).verify(newCode, GATE, switchAt + 6_000).ok).toBe(true)
    })

    it('refuses an old-key code after the overlap, even one that is otherwise fresh', () => {
      const staleSigner = residentCode({ keys: [key(1, 0x11)], nowMs: overlapEnds + 1_000 })
      expect(reader(ring).verify(staleSigner, GATE, overlapEnds + 2_000)).toMatchObject({ ok: false, reason: 'UNKNOWN_KEY' })
    })

    it('refuses a new-key code at a reader that was never given the new key', () => {
      const newCode = residentCode({ keys: ring, nowMs: switchAt + 5_000 })
      expect(reader([oldKey]).verify(newCode, GATE, switchAt + 6_000)).toMatchObject({ ok: false, reason: 'UNKNOWN_KEY' })
    })

    it('picks up a key update without losing its replay memory', () => {
      const controller = reader([oldKey])
      const code = residentCode({ keys: [oldKey], nowMs: switchAt })
      expect(controller.verify(code, GATE, switchAt + 1_000).ok).toBe(true)
      controller.setKeys(ring)
      expect(controller.verify(code, UNIT_DOOR, switchAt + 2_000)).toMatchObject({ ok: false, reason: 'REPLAYED' })
    })
  })

  it('refuses every single-character change to a valid code', () => {
    const code = residentCode()
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    fc.assert(
      fc.property(fc.nat({ max: code.length - 1 }), fc.nat({ max: alphabet.length - 1 }), (at, ch) => {
        const mutated = code.slice(0, at) + alphabet[ch] + code.slice(at + 1)
        fc.pre(mutated !== code)
        const result = verifyPassCode(mutated, { communityId: 'c-sunshine', keys: [K1], doorNo: GATE, nowMs: T0 })
        // The last character carries only padding bits of the MAC; a change there that decodes to the
        // same bytes is not a different code at all, and decodePass refuses the non-canonical form.
        return !result.ok
      }),
      { numRuns: 400 },
    )
  })
})
