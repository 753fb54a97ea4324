import { dumpDatabase, type TestWorld } from '../../support/test-platform'
import { decodePass } from '../../../cloudfunctions/core/access/pass-codec'
import { B1_U1, B1_U2, B2_U1, COMMUNITY, NORTH_GATE, OWNER, SOUTH_GATE, accessWorld, demoReader, doorNo, ok, removeMember } from './access-test-kit'
import { createOfflineVerifier } from '../../../cloudfunctions/core/access/pass-verifier'
import { devPassKeyStore } from '../../../cloudfunctions/platform/local/demo/dev-pass-keys'

describe('access: doors and the resident dynamic pass', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await accessWorld()
  })
  afterEach(() => world.close())

  it('derives door rights from membership: both gates and the unit doors of the own building only', async () => {
    const data = await ok(world.call('access', OWNER, { action: 'myDoors' }))
    expect(data.householdId).toBe('h-1-1-101')
    expect(data.doors.map((d: { doorId: string }) => d.doorId)).toEqual([SOUTH_GATE, NORTH_GATE, B1_U1, B1_U2])
  })

  it('issues a compact signed pass without writing anything, which a reader verifies offline within scope', async () => {
    const before = dumpDatabase(world.platform)
    const pass = await ok(world.call('access', OWNER, { action: 'issuePass' }))
    expect(dumpDatabase(world.platform)).toEqual(before)
    expect(Date.parse(pass.expiresAt) - Date.parse(pass.issuedAt)).toBe(30_000)
    expect(pass.refreshInSeconds).toBeLessThan(pass.ttlSeconds)
    expect(pass.code.length).toBeLessThan(120)
    const now = world.clock.now().getTime()
    expect(demoReader().verify(pass.code, doorNo(SOUTH_GATE), now)).toMatchObject({ ok: true, claims: { kind: 'resident', subject: 'h-1-1-101' } })
    expect(demoReader().verify(pass.code, doorNo(B1_U2), now).ok).toBe(true)
    expect(demoReader().verify(pass.code, doorNo(B2_U1), now)).toMatchObject({ ok: false, reason: 'OUT_OF_SCOPE' })
    // The QR never carries the openid.
    expect(Buffer.from(pass.code, 'base64url').toString('latin1')).not.toContain(OWNER)
  })

  it('gives a new code on every refresh', async () => {
    const a = await ok(world.call('access', OWNER, { action: 'issuePass' }))
    world.clock.advance(20_000)
    const b = await ok(world.call('access', OWNER, { action: 'issuePass' }))
    expect(b.code).not.toBe(a.code)
    expect(decodePass(b.code)!.claims.issuedAt - decodePass(a.code)!.claims.issuedAt).toBe(20)
  })

  it('refuses callers without a household, and households that are not theirs', async () => {
    expect(await world.call('access', 'demo-unbound', { action: 'issuePass' })).toMatchObject({ ok: false, code: 'ACCESS.NO_HOUSEHOLD' })
    expect(await world.call('access', OWNER, { action: 'issuePass', householdId: 'h-2-1-301' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('access', 'demo-steward', { action: 'myDoors' })).toMatchObject({ ok: false, code: 'ACCESS.NO_HOUSEHOLD' })
  })

  it('revokes at once on removal: no new pass, and the last pass is refused at its next online verification', async () => {
    const pass = await ok(world.call('access', 'demo-family', { action: 'issuePass' }))
    const first = await ok(world.console('access', { action: 'readerVerify', requestId: 'reader-1', doorId: SOUTH_GATE, code: pass.code }))
    expect(first).toMatchObject({ allowed: true, reason: null })

    await removeMember(world, 'demo-family', 'h-1-1-101')
    expect(await world.call('access', 'demo-family', { action: 'issuePass' })).toMatchObject({ ok: false, code: 'ACCESS.NO_HOUSEHOLD' })
    world.clock.advance(3_000)
    const next = await ok(world.console('access', { action: 'readerVerify', requestId: 'reader-2', doorId: SOUTH_GATE, code: pass.code }))
    expect(next).toMatchObject({ allowed: false, reason: 'HOLDER_REVOKED' })
    // The owner of the same household is unaffected.
    const ownerPass = await ok(world.call('access', OWNER, { action: 'issuePass' }))
    expect((await ok(world.console('access', { action: 'readerVerify', requestId: 'reader-3', doorId: B1_U1, code: ownerPass.code }))).allowed).toBe(true)
  })

  it('bounds what an offline reader can miss: a removed member’s last code dies with its 30 s expiry', async () => {
    const pass = await ok(world.call('access', 'demo-family', { action: 'issuePass' }))
    await removeMember(world, 'demo-family', 'h-1-1-101')
    const reader = demoReader()
    const issuedAt = world.clock.now().getTime()
    expect(reader.verify(pass.code, doorNo(SOUTH_GATE), issuedAt + 10_000).ok).toBe(true)
    expect(reader.verify(pass.code, doorNo(SOUTH_GATE), issuedAt + 36_000)).toMatchObject({ ok: false, reason: 'EXPIRED' })
  })

  describe('online reader verification (readerVerify, console/server callers only)', () => {
    const verify = (w: TestWorld, doorId: string, code: string, requestId: string) =>
      ok(w.console('access', { action: 'readerVerify', requestId, doorId, code }))

    it('refuses a replay at another door within the window, allows a re-scan at the same door, and logs all three', async () => {
      const { code } = await ok(world.call('access', OWNER, { action: 'issuePass' }))
      expect(await verify(world, SOUTH_GATE, code, 'scan-0001')).toMatchObject({ allowed: true })
      expect(await verify(world, SOUTH_GATE, code, 'scan-0002')).toMatchObject({ allowed: true })
      expect(await verify(world, B1_U1, code, 'scan-0003')).toMatchObject({ allowed: false, reason: 'REPLAYED' })
      const log = await ok(world.console('access', { action: 'accessLog', communityId: COMMUNITY }))
      expect(log.items.map((e: { result: string; reason: string | null }) => `${e.result}:${e.reason}`).sort()).toEqual(['allowed:null', 'allowed:null', 'refused:REPLAYED'])
      expect(log.items.every((e: { channel: string; subject: string }) => e.channel === 'reader' && e.subject === 'resident')).toBe(true)
    })

    it('refuses expired, forged, truncated and other-community codes with their reason', async () => {
      const { code } = await ok(world.call('access', OWNER, { action: 'issuePass' }))
      const otherCommunity = createOfflineVerifier({ communityId: 'c-riverside', keys: devPassKeyStore().keysFor('c-riverside') })
      expect(otherCommunity.verify(code, 1, world.clock.now().getTime())).toMatchObject({ ok: false, reason: 'WRONG_COMMUNITY' })
      const bytes = Buffer.from(code, 'base64url')
      bytes[bytes.length - 1] ^= 0xff
      expect(await verify(world, SOUTH_GATE, bytes.toString('base64url'), 'scan-0101')).toMatchObject({ allowed: false, reason: 'BAD_SIGNATURE' })
      expect(await verify(world, SOUTH_GATE, code.slice(0, -4), 'scan-0102')).toMatchObject({ allowed: false, reason: 'MALFORMED' })
      world.clock.advance(40_000)
      expect(await verify(world, SOUTH_GATE, code, 'scan-0103')).toMatchObject({ allowed: false, reason: 'EXPIRED' })
    })

    it('is not available to WeChat users (no oracle for guessing codes)', async () => {
      const { code } = await ok(world.call('access', OWNER, { action: 'issuePass' }))
      expect(await world.call('access', OWNER, { action: 'readerVerify', requestId: 'scan-0201', doorId: SOUTH_GATE, code })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    })
  })
})

describe('access: pass keys', () => {
  it('fails closed when the community has no key configured', async () => {
    const world = await accessWorld({ env: { ACCESS_PASS_KEYS: JSON.stringify({ 'c-other': [{ kid: 1, secret: Buffer.alloc(32, 7).toString('base64'), signFrom: '2026-01-01T00:00:00Z' }] }) } })
    try {
      expect(await world.call('access', OWNER, { action: 'issuePass' })).toMatchObject({ ok: false, code: 'ACCESS.NOT_CONFIGURED' })
    } finally {
      world.close()
    }
  })

  it('signs with the configured rotation: new key after its signFrom, old key still verified during the overlap', async () => {
    const keys = {
      [COMMUNITY]: [
        { kid: 7, secret: Buffer.alloc(32, 1).toString('base64'), signFrom: '2026-01-01T00:00:00Z', verifyUntil: '2026-11-22T02:10:00Z' },
        { kid: 8, secret: Buffer.alloc(32, 2).toString('base64'), signFrom: '2026-11-22T02:00:30Z' },
      ],
    }
    const world = await accessWorld({ env: { ACCESS_PASS_KEYS: JSON.stringify(keys) } })
    try {
      const old = await ok(world.call('access', OWNER, { action: 'issuePass' }))
      expect(decodePass(old.code)!.claims.kid).toBe(7)
      world.clock.advance(31_000)
      const fresh = await ok(world.call('access', OWNER, { action: 'issuePass' }))
      expect(decodePass(fresh.code)!.claims.kid).toBe(8)
      expect((await ok(world.console('access', { action: 'readerVerify', requestId: 'rot-00001', doorId: SOUTH_GATE, code: old.code }))).allowed).toBe(true)
      expect((await ok(world.console('access', { action: 'readerVerify', requestId: 'rot-00002', doorId: NORTH_GATE, code: fresh.code }))).allowed).toBe(true)
    } finally {
      world.close()
    }
  })
})
