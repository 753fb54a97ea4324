import { dumpDatabase, rid, type TestWorld } from '../../support/test-platform'
import { B1_U1, B2_U1, COMMUNITY, OWNER, SOUTH_GATE, accessWorld, ok, removeMember } from './access-test-kit'
import type { DoorSimulator } from '../../../cloudfunctions/platform/local/door-simulator/door-simulator'

describe('access: 一键开门 (remote open)', () => {
  let world: TestWorld & { sim: DoorSimulator }
  beforeEach(async () => {
    world = await accessWorld()
  })
  afterEach(() => world.close())

  const open = (doorId: string, requestId = rid('open'), openid = OWNER) => world.call('access', openid, { action: 'remoteOpen', requestId, doorId })
  const opsLog = async () => (await ok(world.console('access', { action: 'accessLog', communityId: COMMUNITY, limit: 50 }))).items

  it('opens a door in scope through the gateway and logs the attempt as allowed', async () => {
    const data = await ok(open(B1_U1))
    expect(data).toMatchObject({ doorId: B1_U1, doorName: '1栋1单元门' })
    expect(world.sim.opens).toHaveLength(1)
    expect(world.sim.opens[0]).toMatchObject({ doorId: B1_U1, vendorDoorId: `SIM-${B1_U1}`, channel: 'remote' })
    expect(await opsLog()).toEqual([expect.objectContaining({ doorId: B1_U1, result: 'allowed', reason: null, channel: 'remote', subject: 'resident', householdId: 'h-1-1-101' })])
  })

  it('refuses a door outside the household scope without touching the gateway, and logs the refusal', async () => {
    expect(await open(B2_U1)).toMatchObject({ ok: false, code: 'ACCESS.DOOR_OUT_OF_SCOPE' })
    expect(world.sim.opens).toHaveLength(0)
    expect(await opsLog()).toEqual([expect.objectContaining({ doorId: B2_U1, result: 'refused', reason: 'OUT_OF_SCOPE' })])
  })

  it('refuses a removed member at the very next tap', async () => {
    await ok(open(SOUTH_GATE, rid(), 'demo-family'))
    await removeMember(world, 'demo-family', 'h-1-1-101')
    expect(await open(SOUTH_GATE, rid(), 'demo-family')).toMatchObject({ ok: false, code: 'ACCESS.NO_HOUSEHOLD' })
    expect(world.sim.opens).toHaveLength(1)
  })

  it('opens once for a retried request id', async () => {
    const requestId = rid('retry')
    const first = await open(SOUTH_GATE, requestId)
    const second = await open(SOUTH_GATE, requestId)
    expect(second).toEqual(first)
    expect(world.sim.opens).toHaveLength(1)
    expect(await opsLog()).toHaveLength(1)
  })

  it('rate-limits per resident: six opens a minute, the seventh refused and logged, the next minute fine', async () => {
    for (let i = 0; i < 6; i++) await ok(open(i % 2 ? SOUTH_GATE : B1_U1))
    expect(await open(SOUTH_GATE)).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    // Another resident is not affected by the first one's limit.
    await ok(open(SOUTH_GATE, rid(), 'demo-family'))
    expect(world.sim.opens).toHaveLength(7)
    expect((await opsLog()).filter((e: { reason: string | null }) => e.reason === 'RATE_LIMITED')).toHaveLength(1)
    world.clock.advance(60_000)
    await ok(open(SOUTH_GATE))
  })

  it('never exceeds the limit under concurrent taps', async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, () => open(SOUTH_GATE)))
    expect(replies.filter((r) => r.ok)).toHaveLength(6)
    expect(world.sim.opens).toHaveLength(6)
  })

  it('reports an unreachable door as DOOR_UNAVAILABLE and turns its log entry into a refusal', async () => {
    world.sim.offline.add(`SIM-${SOUTH_GATE}`)
    expect(await open(SOUTH_GATE)).toMatchObject({ ok: false, code: 'ACCESS.DOOR_UNAVAILABLE' })
    expect(await opsLog()).toEqual([expect.objectContaining({ doorId: SOUTH_GATE, result: 'refused', reason: 'GATEWAY_ERROR' })])
  })

  it('writes nothing for bad input or an unknown door', async () => {
    const before = dumpDatabase(world.platform)
    expect(await world.call('access', OWNER, { action: 'remoteOpen', doorId: SOUTH_GATE })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(await world.call('access', OWNER, { action: 'remoteOpen', requestId: rid(), doorId: { $ne: '' } })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(await open('d-nope')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(dumpDatabase(world.platform)).toEqual(before)
    expect(world.sim.opens).toHaveLength(0)
  })
})
