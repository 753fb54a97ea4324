import { createTestWorld, dumpDatabase, type TestWorld } from '../support/test-platform'

describe('function runtime: envelope, validation and identity', () => {
  let world: TestWorld
  beforeAll(async () => {
    world = await createTestWorld({ seed: true })
  })
  afterAll(() => world.close())

  it('answers a known action with ok and data', async () => {
    const res = await world.call('households', 'demo-owner', { action: 'me' })
    expect(res.ok).toBe(true)
    if (res.ok) expect(res.data.households.map((h: { label: string }) => h.label)).toEqual(['阳光花园 1栋1单元101'])
  })

  it.each([
    ['a non-object event', [1, 2, 3], '(root)'],
    ['a string that is not JSON', 'not json', '(root)'],
    ['a missing action', { foo: 1 }, 'action'],
    ['an action of the wrong type', { action: 42 }, 'action'],
    ['an unknown action', { action: 'dropDatabase' }, 'action'],
    ['an unexpected field', { action: 'me', openid: 'someone-else' }, '(root)'],
    ['a wrong field type', { action: 'notices', communityId: { $gt: '' } }, 'communityId'],
    ['a bad requestId', { action: 'me', requestId: 'x' }, 'requestId'],
  ])('refuses %s with VALIDATION.FAILED and the path, writing nothing', async (_name, event, path) => {
    const before = dumpDatabase(world.platform, [])
    const res = await world.call('households', 'demo-owner', event as never)
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    if (!res.ok) expect(res.issues?.map((i) => i.path)).toContain(path)
    expect(dumpDatabase(world.platform, [])).toEqual(before)
  })

  it('never takes identity from the event: an openid field is refused, not used', async () => {
    const res = await world.call('households', 'demo-unbound', { action: 'me', openid: 'demo-owner' })
    expect(res.ok).toBe(false)
  })

  it('refuses console callers on user actions', async () => {
    const res = await world.console('households', { action: 'me' })
    expect(res).toMatchObject({ ok: false, code: 'AUTH.UNAUTHENTICATED' })
  })

  it('answers an unknown function with NOT_FOUND', async () => {
    const res = await world.call('nope', 'demo-owner', { action: 'me' })
    expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('turns an unexpected exception into INTERNAL with an invocation id, without crashing', async () => {
    const engine = world.platform.local.engine
    engine.faultHook = () => {
      throw new Error('disk on fire for 13800138000')
    }
    const lines: string[] = []
    const original = world.platform.logger
    world.platform.logger = { info: () => {}, warn: () => {}, error: (e, f) => lines.push(JSON.stringify({ e, f })) }
    try {
      const res = await world.call('households', 'demo-owner', { action: 'me' })
      expect(res).toMatchObject({ ok: false, code: 'INTERNAL' })
      if (!res.ok) expect(res.requestId).toMatch(/^[0-9a-f]{16}$/)
    } finally {
      engine.faultHook = undefined
      world.platform.logger = original
    }
  })
})
