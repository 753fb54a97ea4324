import { dumpDatabase, rid, type TestWorld } from '../../support/test-platform'
import { B1_U1, B2_U1, FAMILY, OWNER, SOUTH_GATE, VISITOR, accessWorld, demoReader, doorNo, ok, removeMember, visitorPassInput } from './access-test-kit'
import type { DoorSimulator } from '../../../cloudfunctions/platform/local/door-simulator/door-simulator'

describe('access: visitor passes', () => {
  let world: TestWorld & { sim: DoorSimulator }
  beforeEach(async () => {
    world = await accessWorld()
  })
  afterEach(() => world.close())

  const create = (overrides: Record<string, unknown> = {}, openid = OWNER) => world.call('access', openid, visitorPassInput(world, overrides))
  const link = (p: { passId: string; shareToken: string }) => ({ passId: p.passId, token: p.shareToken })
  const visitorOpen = (p: { passId: string; shareToken: string }, doorId = SOUTH_GATE) =>
    world.call('access', VISITOR, { action: 'visitorOpen', requestId: rid('vo'), ...link(p), doorId })

  it('lets a resident issue a pass that a visitor without a household opens from the card link', async () => {
    const pass = await ok(create())
    expect(pass).toMatchObject({ visitorName: '李访客', maxUses: 2, usedCount: 0, status: 'active' })
    const view = await ok(world.call('access', VISITOR, { action: 'visitorPass', ...link(pass) }))
    expect(view).toMatchObject({ communityName: '阳光花园', hostLabel: '1栋1单元', status: 'active', doors: [{ doorId: SOUTH_GATE }, { doorId: B1_U1 }] })
    expect(JSON.stringify(view)).not.toMatch(/101|shareToken|h-1-1/)
    const code = await ok(world.call('access', VISITOR, { action: 'visitorCode', ...link(pass) }))
    expect(demoReader().verify(code.code, doorNo(B1_U1), world.clock.now().getTime())).toMatchObject({ ok: true, claims: { kind: 'visitor', subject: pass.passId } })
    expect(demoReader().verify(code.code, doorNo(B2_U1), world.clock.now().getTime())).toMatchObject({ ok: false, reason: 'OUT_OF_SCOPE' })
  })

  it('answers a wrong token exactly like a missing pass', async () => {
    const pass = await ok(create())
    const wrong = { action: 'visitorPass', passId: pass.passId, token: 'A'.repeat(22) }
    expect(await world.call('access', VISITOR, wrong)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await world.call('access', VISITOR, { ...wrong, passId: 'vpmissing' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it.each([
    ['a window longer than 24 h', { endsAt: '2026-11-23T02:00:01.000Z' }, 'VALIDATION.FAILED'],
    ['an end before the start', { endsAt: '2026-11-22T01:00:00.000Z' }, 'VALIDATION.FAILED'],
    ['a start well in the past', { startsAt: '2026-11-21T12:00:00.000Z', endsAt: '2026-11-22T01:59:00.000Z' }, 'ACCESS.WINDOW_INVALID'],
    ['too many uses', { maxUses: 21 }, 'VALIDATION.FAILED'],
    ['no doors', { doorIds: [] }, 'VALIDATION.FAILED'],
    ['a door outside the household scope', { doorIds: [SOUTH_GATE, B2_U1] }, 'ACCESS.DOOR_OUT_OF_SCOPE'],
    ['a door that does not exist', { doorIds: ['d-nope'] }, 'ACCESS.DOOR_OUT_OF_SCOPE'],
  ])('refuses %s and writes nothing', async (_name, overrides, code) => {
    const before = dumpDatabase(world.platform)
    expect(await create(overrides)).toMatchObject({ ok: false, code })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('refuses opening beyond the use count, counting each use once and atomically', async () => {
    const pass = await ok(create({ maxUses: 2 }))
    const replies = await Promise.all([visitorOpen(pass), visitorOpen(pass), visitorOpen(pass, B1_U1), visitorOpen(pass, B1_U1)])
    expect(replies.filter((r) => r.ok)).toHaveLength(2)
    expect(replies.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual(['ACCESS.PASS_USED_UP', 'ACCESS.PASS_USED_UP'])
    expect(world.sim.opens).toHaveLength(2)
    expect(await world.call('access', VISITOR, { action: 'visitorCode', ...link(pass) })).toMatchObject({ ok: false, code: 'ACCESS.PASS_USED_UP' })
    const mine = await ok(world.call('access', OWNER, { action: 'myVisitorPasses' }))
    expect(mine.items[0]).toMatchObject({ passId: pass.passId, usedCount: 2, status: 'used_up' })
  })

  it('refuses outside the window: before it starts and after it ends', async () => {
    const startsAt = new Date(world.clock.now().getTime() + 3600_000).toISOString()
    const endsAt = new Date(world.clock.now().getTime() + 2 * 3600_000).toISOString()
    const pass = await ok(create({ startsAt, endsAt }))
    expect(await visitorOpen(pass)).toMatchObject({ ok: false, code: 'ACCESS.PASS_NOT_STARTED' })
    world.clock.advance(3600_000)
    await ok(visitorOpen(pass))
    world.clock.advance(3600_000)
    expect(await visitorOpen(pass)).toMatchObject({ ok: false, code: 'ACCESS.PASS_EXPIRED' })
    expect(await world.call('access', VISITOR, { action: 'visitorCode', ...link(pass) })).toMatchObject({ ok: false, code: 'ACCESS.PASS_EXPIRED' })
  })

  it('caps the visitor code expiry at the end of the pass window', async () => {
    const endsAt = new Date(world.clock.now().getTime() + 12_000).toISOString()
    const pass = await ok(create({ endsAt }))
    const code = await ok(world.call('access', VISITOR, { action: 'visitorCode', ...link(pass) }))
    expect(code.ttlSeconds).toBe(12)
  })

  it('counts uses at online readers: a first scan takes a use, a re-scan at the same door does not', async () => {
    const pass = await ok(create({ maxUses: 1 }))
    const codeNow = async () => (await ok(world.call('access', VISITOR, { action: 'visitorCode', ...link(pass) }))).code
    const scan = (doorId: string, code: string, n: string) => ok(world.console('access', { action: 'readerVerify', requestId: `vscan-${n}`, doorId, code }))
    const first = await codeNow()
    const spare = await codeNow()
    expect(await scan(SOUTH_GATE, first, '1a')).toMatchObject({ allowed: true })
    expect(await scan(SOUTH_GATE, first, '1b')).toMatchObject({ allowed: true })
    // A second code fetched while the pass was still active finds the single use taken, on every scan.
    expect(await scan(SOUTH_GATE, spare, '2a')).toMatchObject({ allowed: false, reason: 'PASS_USED_UP' })
    expect(await scan(SOUTH_GATE, spare, '2b')).toMatchObject({ allowed: false, reason: 'PASS_USED_UP' })
    expect(await world.call('access', VISITOR, { action: 'visitorCode', ...link(pass) })).toMatchObject({ ok: false, code: 'ACCESS.PASS_USED_UP' })
  })

  it('lets the issuer revoke; the visitor is refused at once, online and in the app', async () => {
    const pass = await ok(create())
    const { code } = await ok(world.call('access', VISITOR, { action: 'visitorCode', ...link(pass) }))
    expect(await ok(world.call('access', OWNER, { action: 'revokeVisitorPass', requestId: rid(), passId: pass.passId }))).toEqual({ passId: pass.passId, status: 'revoked' })
    expect(await ok(world.console('access', { action: 'readerVerify', requestId: 'rv-000001', doorId: SOUTH_GATE, code }))).toMatchObject({ allowed: false, reason: 'PASS_REVOKED' })
    expect(await visitorOpen(pass)).toMatchObject({ ok: false, code: 'ACCESS.PASS_REVOKED' })
    expect((await ok(world.call('access', VISITOR, { action: 'visitorPass', ...link(pass) }))).status).toBe('revoked')
  })

  it('lets only the issuer or the household owner revoke', async () => {
    const ownersPass = await ok(create())
    expect(await world.call('access', FAMILY, { action: 'revokeVisitorPass', requestId: rid(), passId: ownersPass.passId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('access', VISITOR, { action: 'revokeVisitorPass', requestId: rid(), passId: ownersPass.passId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const familyPass = await ok(create({}, FAMILY))
    await ok(world.call('access', OWNER, { action: 'revokeVisitorPass', requestId: rid(), passId: familyPass.passId }))
  })

  it('voids the passes a member issued when that member is removed', async () => {
    const pass = await ok(create({}, FAMILY))
    await removeMember(world, FAMILY, 'h-1-1-101')
    expect(await visitorOpen(pass)).toMatchObject({ ok: false, code: 'ACCESS.PASS_REVOKED' })
    expect(await world.call('access', VISITOR, { action: 'visitorCode', ...link(pass) })).toMatchObject({ ok: false, code: 'ACCESS.PASS_REVOKED' })
  })

  it('lists the household passes newest first, with paging', async () => {
    for (let i = 0; i < 3; i++) {
      await ok(create({ visitorName: `访客${i}` }))
      world.clock.advance(1_000)
    }
    const page = await ok(world.call('access', FAMILY, { action: 'myVisitorPasses', limit: 2 }))
    expect(page.items.map((p: { visitorName: string }) => p.visitorName)).toEqual(['访客2', '访客1'])
    expect(page.hasMore).toBe(true)
    expect(await ok(world.call('access', 'demo-unbound', { action: 'myVisitorPasses' })).catch((e) => e.message)).toMatch(/ACCESS.NO_HOUSEHOLD/)
  })
})
