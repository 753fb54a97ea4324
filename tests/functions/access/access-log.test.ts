import { rid, type TestWorld } from '../../support/test-platform'
import { ACCESS_COLLECTIONS } from '../../../cloudfunctions/core/access/access.model'
import { B1_U1, B2_U1, COMMUNITY, FAMILY, OPS, OWNER, SOUTH_GATE, VISITOR, accessWorld, ok, visitorPassInput } from './access-test-kit'

describe('access: the access log', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await accessWorld()
    await ok(world.call('access', OWNER, { action: 'remoteOpen', requestId: rid(), doorId: SOUTH_GATE }))
    world.clock.advance(1_000)
    await world.call('access', OWNER, { action: 'remoteOpen', requestId: rid(), doorId: B2_U1 })
    world.clock.advance(1_000)
    await ok(world.call('access', FAMILY, { action: 'remoteOpen', requestId: rid(), doorId: B1_U1 }))
  })
  afterEach(() => world.close())

  it('shows residents their own attempts only, newest first, refusals included', async () => {
    const mine = await ok(world.call('access', OWNER, { action: 'myAccessLog' }))
    expect(mine.items.map((e: { doorId: string; result: string; reason: string | null }) => [e.doorId, e.result, e.reason])).toEqual([
      [B2_U1, 'refused', 'OUT_OF_SCOPE'],
      [SOUTH_GATE, 'allowed', null],
    ])
    const family = await ok(world.call('access', FAMILY, { action: 'myAccessLog' }))
    expect(family.items.map((e: { doorId: string }) => e.doorId)).toEqual([B1_U1])
    expect((await ok(world.call('access', 'demo-unbound', { action: 'myAccessLog' }))).items).toEqual([])
  })

  it('shows ops every attempt in their community, filterable by result and paged', async () => {
    const all = await ok(world.call('access', OPS, { action: 'accessLog' }))
    expect(all.items).toHaveLength(3)
    const refused = await ok(world.call('access', OPS, { action: 'accessLog', result: 'refused' }))
    expect(refused.items.map((e: { reason: string }) => e.reason)).toEqual(['OUT_OF_SCOPE'])
    const page = await ok(world.call('access', OPS, { action: 'accessLog', limit: 2 }))
    expect(page).toMatchObject({ hasMore: true })
    expect(page.items).toHaveLength(2)
  })

  it('keeps the log to ops: residents and other communities are refused, the console must name the community', async () => {
    expect(await world.call('access', OWNER, { action: 'accessLog' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('access', 'demo-steward', { action: 'accessLog', communityId: COMMUNITY })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.call('access', OPS, { action: 'accessLog', communityId: 'c-elsewhere' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.console('access', { action: 'accessLog' })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect((await ok(world.console('access', { action: 'accessLog', communityId: COMMUNITY }))).items).toHaveLength(3)
  })

  it('keeps entries to ids and codes: a visitor open logs the pass id, never the visitor name', async () => {
    const pass = await ok(world.call('access', OWNER, visitorPassInput(world)))
    await ok(world.call('access', VISITOR, { action: 'visitorOpen', requestId: rid(), passId: pass.passId, token: pass.shareToken, doorId: SOUTH_GATE }))
    const docs = world.platform.local.engine.store.scan(ACCESS_COLLECTIONS.logs).map((r) => r.doc)
    expect(docs).toHaveLength(4)
    expect(docs.find((d) => d.channel === 'visitor_remote')).toMatchObject({ subject: 'visitor', visitorPassId: pass.passId, openid: VISITOR, householdId: 'h-1-1-101' })
    expect(JSON.stringify(docs)).not.toContain('李访客')
    for (const d of docs) expect(Object.keys(d).sort()).toEqual(['_id', 'at', 'channel', 'communityId', 'doorId', 'doorName', 'householdId', 'openid', 'reason', 'result', 'subject', 'visitorPassId'])
  })

  it('purges expired replay records and rate windows on its timer, and keeps live ones', async () => {
    const { code } = await ok(world.call('access', OWNER, { action: 'issuePass' }))
    await ok(world.console('access', { action: 'readerVerify', requestId: 'purge-0001', doorId: SOUTH_GATE, code }))
    const count = (c: string) => world.platform.local.engine.store.scan(c).length
    expect(count(ACCESS_COLLECTIONS.passUses)).toBe(1)
    expect(count(ACCESS_COLLECTIONS.rateLimits)).toBe(2)
    expect(await ok(world.timer('access', 'purgeExpired'))).toEqual({ passUses: 0, rateLimits: 0 })
    world.clock.advance(3 * 60_000)
    expect(await ok(world.timer('access', 'purgeExpired'))).toEqual({ passUses: 1, rateLimits: 2 })
    expect(count(ACCESS_COLLECTIONS.passUses) + count(ACCESS_COLLECTIONS.rateLimits)).toBe(0)
  })
})
