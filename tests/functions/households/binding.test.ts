import { createTestWorld, dumpDatabase, rid, type TestWorld } from '../../support/test-platform'
import { BIND_TARGET, FULL_PHONE, GOOD_PROOF, bind, captureLogs } from './households-test-kit'

describe('households.bind: proving ownership of a room', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await createTestWorld({ seed: true })
  })
  afterEach(() => world.close())

  it('walks the picker community → building → unit → room without exposing owners', async () => {
    const communities = await world.call('households', 'demo-unbound', { action: 'listCommunities' })
    expect(communities).toMatchObject({ ok: true, data: { communities: [{ id: 'c-sunshine', name: '阳光花园' }] } })
    const buildings = await world.call('households', 'demo-unbound', { action: 'listBuildings', communityId: 'c-sunshine' })
    expect(buildings.ok && buildings.data.buildings.map((b: { name: string }) => b.name)).toEqual(['1栋', '2栋', '3栋', '4栋', '5栋', '6栋'])
    const units = await world.call('households', 'demo-unbound', { action: 'listUnits', buildingId: 'b-2' })
    expect(units).toMatchObject({ ok: true, data: { units: ['1单元', '2单元'] } })
    const rooms = await world.call('households', 'demo-unbound', { action: 'listRooms', buildingId: 'b-2', unit: '1单元' })
    if (!rooms.ok) throw new Error(rooms.message)
    // natural order: 101, 102, 201 … 1501, 1502 (not 1001 before 201)
    expect(rooms.data.rooms.slice(0, 3).map((r: { room: string }) => r.room)).toEqual(['101', '102', '201'])
    expect(rooms.data.rooms).toHaveLength(30)
    expect(rooms.data.rooms).toContainEqual({ householdId: BIND_TARGET, room: '301' })
    expect(JSON.stringify([communities, buildings, units, rooms])).not.toMatch(/刘洋|ownerName|Phone/)
  })

  it('binds with the right name and phone: owner membership, current household, visible in me', async () => {
    const res = await bind(world, 'demo-unbound', { phone: '138 0000 2301', ownerName: ' 刘洋 ' })
    expect(res).toMatchObject({ ok: true, data: { household: { householdId: BIND_TARGET, label: '阳光花园 2栋1单元301', role: 'owner' } } })
    expect(JSON.stringify(res)).not.toMatch(FULL_PHONE)
    const me = await world.call('households', 'demo-unbound', { action: 'me' })
    expect(me).toMatchObject({ ok: true, data: { currentHouseholdId: BIND_TARGET, households: [{ householdId: BIND_TARGET, role: 'owner' }] } })
  })

  it.each([
    ['a wrong name', { ownerName: '刘阳' }],
    ['a wrong phone', { phone: '13800002302' }],
  ])('refuses %s with BIND.PROOF_MISMATCH and binds nothing', async (_case, proof) => {
    const res = await bind(world, 'demo-unbound', proof)
    expect(res).toMatchObject({ ok: false, code: 'BIND.PROOF_MISMATCH' })
    if (!res.ok) expect(res.message).toContain('还可尝试 4 次')
    const me = await world.call('households', 'demo-unbound', { action: 'me' })
    expect(me.ok && me.data.households).toEqual([])
  })

  it('the bound owner appears among the members under the registered name', async () => {
    expect((await bind(world, 'demo-unbound')).ok).toBe(true)
    const members = await world.call('households', 'demo-unbound', { action: 'members', householdId: BIND_TARGET })
    expect(members).toMatchObject({ ok: true, data: { members: [expect.objectContaining({ role: 'owner', nickname: '刘洋', isMe: true })] } })
  })

  it('refuses a malformed phone as bad input, without counting it or writing anything', async () => {
    const before = dumpDatabase(world.platform)
    const res = await bind(world, 'demo-unbound', { phone: '12345' })
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(JSON.stringify(res)).not.toContain('12345')
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('rate limit per openid: after 5 failures in an hour even the right proof is refused, until the hour passes', async () => {
    for (let i = 0; i < 5; i++) expect(await bind(world, 'demo-unbound', { phone: '13900000000' })).toMatchObject({ code: 'BIND.PROOF_MISMATCH' })
    const blocked = await bind(world, 'demo-unbound')
    expect(blocked).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    // the same openid is blocked on every household, not just this one
    expect(await bind(world, 'demo-unbound', { householdId: 'h-3-1-101' })).toMatchObject({ code: 'RATE_LIMITED' })
    world.clock.advance(61 * 60_000)
    expect(await bind(world, 'demo-unbound')).toMatchObject({ ok: true })
  })

  it('strangers cannot lock the owner out: 5 wrong guesses from 5 identities leave the owner\'s right proof working', async () => {
    for (let i = 0; i < 5; i++) expect(await bind(world, `guesser-${i}`, { ownerName: '某人' })).toMatchObject({ code: 'BIND.PROOF_MISMATCH' })
    expect(await bind(world, 'demo-unbound')).toMatchObject({ ok: true })
  })

  it('household back-off: past 10 failures from many identities, each failed identity waits a day, fresh ones get one try, the owner still binds', async () => {
    // Two accounts spend their hourly allowance on the room: the 10th failure puts it under guard.
    for (let i = 0; i < 5; i++) await bind(world, 'guesser-a', { phone: `1390000000${i}` })
    for (let i = 0; i < 4; i++) await bind(world, 'guesser-b', { phone: `1390000001${i}` })
    const tenth = await bind(world, 'guesser-b', { phone: '13900000019' })
    expect(tenth).toMatchObject({ ok: false, code: 'BIND.PROOF_MISMATCH' })
    if (!tenth.ok) expect(tenth.message).toContain('24 小时内不能再验证这套房屋')
    // Guarded: an hour later the identities that failed here are still held back on this room (a day, not an hour) …
    world.clock.advance(61 * 60_000)
    const again = await bind(world, 'guesser-b', { phone: '13900000008' })
    expect(again).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    if (!again.ok) {
      expect(again.message).toContain('为保护业主')
      expect(again.message).toContain('网格管家或物业服务中心')
      expect(again.message).not.toMatch(/失败次数过多/)
    }
    world.clock.advance(2 * 60 * 60_000)
    expect(await bind(world, 'guesser-b', { phone: '13900000008' })).toMatchObject({ code: 'RATE_LIMITED' })
    // … while guesser-b may still try other rooms (the household guard is per room).
    expect(await bind(world, 'guesser-b', { householdId: 'h-3-1-101', ownerName: '某人' })).toMatchObject({ code: 'BIND.PROOF_MISMATCH' })
    // A fresh identity gets exactly one attempt on the guarded room.
    expect(await bind(world, 'guesser-c', { ownerName: '某人' })).toMatchObject({ code: 'BIND.PROOF_MISMATCH' })
    expect(await bind(world, 'guesser-c', { ownerName: '某人' })).toMatchObject({ code: 'RATE_LIMITED' })
    // The real owner, who never failed, binds with the right proof.
    expect(await bind(world, 'demo-unbound')).toMatchObject({ ok: true })
  })

  it('the steward of the building (or ops) can lift the back-off; others cannot', async () => {
    for (const g of ['guesser-a', 'guesser-b']) for (let i = 0; i < 5; i++) await bind(world, g, { phone: `1390000000${i}` })
    // The owner mistyped once during the attack and is now held back on the room.
    expect(await bind(world, 'demo-unbound', { phone: '13800002300' })).toMatchObject({ code: 'BIND.PROOF_MISMATCH' })
    expect(await bind(world, 'demo-unbound')).toMatchObject({ code: 'RATE_LIMITED' })
    const clear = (openid: string) => world.call('households', openid, { action: 'clearBindLock', householdId: 'h-2-1-301', requestId: rid('unlock') })
    expect(await clear('demo-steward-2')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await clear('demo-owner')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const lines = await captureLogs(world, async () => {
      expect(await clear('demo-steward')).toMatchObject({ ok: true, data: { householdId: 'h-2-1-301', cleared: true } })
    })
    expect(lines.map((l) => JSON.parse(l).event)).toContain('household.bind_lock_cleared')
    expect(await bind(world, 'demo-unbound')).toMatchObject({ ok: true })
    expect(await clear('demo-ops')).toMatchObject({ ok: true, data: { cleared: false } })
  })

  it('holds the limit under parallel guessing: 12 simultaneous wrong guesses record at most 5 failures', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => bind(world, 'demo-visitor', { phone: '13900000001' })))
    const codes = results.map((r) => (r.ok ? 'ok' : r.code))
    expect(codes.filter((c) => c === 'BIND.PROOF_MISMATCH')).toHaveLength(5)
    expect(codes.filter((c) => c === 'RATE_LIMITED').length + codes.filter((c) => c === 'CONFLICT').length).toBe(7)
  })

  it('refuses double binding: the same person again, and a second person once an owner is verified', async () => {
    expect(await bind(world, 'demo-unbound')).toMatchObject({ ok: true })
    expect(await bind(world, 'demo-unbound')).toMatchObject({ ok: false, code: 'BIND.ALREADY_MEMBER' })
    expect(await bind(world, 'demo-visitor')).toMatchObject({ ok: false, code: 'BIND.OWNER_EXISTS' })
    // the seeded owner of 1-1-101 (bound before derived ids existed) is recognised too
    expect(await bind(world, 'demo-owner', { householdId: 'h-1-1-101' })).toMatchObject({ ok: false, code: 'BIND.ALREADY_MEMBER' })
  })

  it('two people proving the same room at the same moment: exactly one becomes the owner', async () => {
    const [a, b] = await Promise.all([bind(world, 'demo-unbound'), bind(world, 'demo-visitor')])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    const loser = a.ok ? b : a
    expect(loser).toMatchObject({ ok: false, code: 'BIND.OWNER_EXISTS' })
  })

  it('a retry with the same requestId returns the first result and writes nothing more', async () => {
    const requestId = rid('retry')
    const first = await bind(world, 'demo-unbound', {}, requestId)
    const before = dumpDatabase(world.platform)
    const again = await bind(world, 'demo-unbound', {}, requestId)
    expect(again).toEqual(first)
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('logs the outcome of each attempt without the owner’s name or phone', async () => {
    const lines = await captureLogs(world, async () => {
      await bind(world, 'demo-unbound', { phone: '13812345678' })
      await bind(world, 'demo-unbound')
    })
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(['household.bind_refused', 'household.bound'])
    expect(lines.join('\n')).not.toMatch(FULL_PHONE)
    expect(lines.join('\n')).not.toContain(GOOD_PROOF.ownerName)
  })

  it('never stores or echoes the phone: only hash and last four digits are in the database', async () => {
    await bind(world, 'demo-unbound', { phone: '13812345678' })
    await bind(world, 'demo-unbound')
    const everything = JSON.stringify(dumpDatabase(world.platform, []))
    expect(everything).not.toContain(GOOD_PROOF.phone)
    expect(everything).not.toContain('13812345678')
  })
})
