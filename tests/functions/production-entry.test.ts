import { productionMain } from '../../cloudfunctions/platform/cloudbase/production-main'
import { signConsoleToken } from '../../cloudfunctions/platform/cloudbase/console-token'
import { opsFunction } from '../../cloudfunctions/ops/ops.function'
import { householdsFunction } from '../../cloudfunctions/households/households.function'
import { paycallbackFunction } from '../../cloudfunctions/paycallback/paycallback.function'
import { ordersFunction } from '../../cloudfunctions/orders/orders.function'
import { createTestWorld, dumpDatabase, type TestWorld } from '../support/test-platform'

const KEY = 'k'.repeat(16) + 'console-signing-key-for-tests'
const OLD_KEY = 'o'.repeat(40)

/**
 * A CloudBase invocation context as the SCF runtime hands it to main(): the new-architecture `environment`
 * JSON that tcb.getCloudbaseContext parses (the production entry reads it through the real SDK).
 */
function cloudbaseContext(environment: Record<string, string>): Record<string, unknown> {
  return {
    memory_limit_in_mb: 256,
    time_limit_in_ms: 20000,
    request_id: 'req-test',
    function_version: '$LATEST',
    function_name: 'ops',
    namespace: 'env-test',
    environment: JSON.stringify({ TCB_ENV: 'env-test', TCB_SEQID: 'seq', TRIGGER_SRC: 'tcb', TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID', ...environment }),
  }
}

describe('production entry: who is calling, decided from the CloudBase context', () => {
  let world: TestWorld
  let lines: Array<{ event: string; fields?: Record<string, unknown> }>
  const main = (def: Parameters<typeof productionMain>[0]) => productionMain(def, () => world.platform)
  let intruder = ''
  let seq = 0
  const addStaff = (extra: Record<string, unknown> = {}) => ({ action: 'addStaff', communityId: 'c-sunshine', openid: intruder, role: 'ops', name: '新运营', ...extra })
  const token = (operator = 'ops-chen', ttlMs = 3600_000, key = KEY) => signConsoleToken(key, operator, new Date(world.clock.now().getTime() + ttlMs))
  const staffRows = () => (dumpDatabase(world.platform).staff as Array<{ openid: string }>).filter((s) => s.openid === intruder)
  const ENV = { CONSOLE_TOKEN_KEYS: `${KEY},${OLD_KEY}` }

  beforeAll(async () => {
    world = await createTestWorld({ seed: true, env: ENV })
    const log = (event: string, fields?: Record<string, unknown>) => lines.push({ event, fields })
    world.platform.logger = { info: log, warn: log, error: log }
  })
  beforeEach(() => {
    lines = []
    intruder = `intruder-openid-${++seq}`
    world.platform.env = { ...world.platform.env, ...ENV }
  })
  afterAll(() => world.close())

  it('refuses a call without OPENID and without console proof, writing nothing', async () => {
    const before = dumpDatabase(world.platform)
    const reply = await main(opsFunction)(addStaff(), cloudbaseContext({}))
    expect(reply).toMatchObject({ ok: false, code: 'AUTH.CONSOLE_PROOF_REQUIRED' })
    expect(dumpDatabase(world.platform)).toEqual(before)
    expect(lines).toContainEqual({ event: 'console.refused', fields: { fn: 'ops', action: 'addStaff', reason: 'missing' } })
  })

  it('allows it with proof and logs who did what, without the input', async () => {
    const reply = await main(opsFunction)(addStaff({ consoleToken: token() }), cloudbaseContext({ TCB_SOURCE: 'scf' }))
    expect(reply).toMatchObject({ ok: true, data: { created: true } })
    expect(staffRows()).toHaveLength(1)
    const audit = lines.find((l) => l.event === 'console.action')
    expect(audit?.fields).toMatchObject({ operator: 'ops-chen', fn: 'ops', action: 'addStaff', ok: true, requestIdDerived: true })
    expect(JSON.stringify(audit)).not.toContain(intruder)
    expect(JSON.stringify(audit)).not.toContain('新运营')
  })

  it('accepts tokens signed with an older key still listed (rotation)', async () => {
    const reply = await main(opsFunction)(addStaff({ consoleToken: token('ops-li', 3600_000, OLD_KEY) }), cloudbaseContext({}))
    expect(reply.ok).toBe(true)
  })

  it.each([
    ['a forged signature', () => token().slice(0, -2) + (token().endsWith('AA') ? 'BB' : 'AA'), 'bad_signature'],
    ['a token signed with another key', () => token('ops-chen', 3600_000, 'x'.repeat(40)), 'bad_signature'],
    ['an expired token', () => token('ops-chen', -1000), 'expired'],
    ['a token living longer than 31 days', () => token('ops-chen', 40 * 86400_000), 'too_long_lived'],
    ['garbage', () => 'not-a-token', 'malformed'],
  ])('refuses %s', async (_name, make, reason) => {
    const reply = await main(opsFunction)(addStaff({ consoleToken: make() }), cloudbaseContext({}))
    expect(reply).toMatchObject({ ok: false, code: 'AUTH.CONSOLE_PROOF_REQUIRED' })
    expect(staffRows()).toHaveLength(0)
    expect(lines.find((l) => l.event === 'console.refused')?.fields?.reason).toBe(reason)
  })

  it.each([
    ['a mini-program client source', { TCB_SOURCE: 'wx_client' }],
    ['the HTTP access service', { TCB_HTTP_CONTEXT: '{"path":"/ops"}' }],
    ['an anonymous login', { TCB_ISANONYMOUS_USER: 'true', TCB_UUID: 'u-1' }],
    ['a custom login', { TCB_CUSTOM_USER_ID: 'someone', LOGINTYPE: 'CUSTOM' }],
  ])('refuses %s without OPENID even with a valid token', async (_name, env) => {
    const reply = await main(opsFunction)(addStaff({ consoleToken: token() }), cloudbaseContext(env))
    expect(reply).toMatchObject({ ok: false, code: 'AUTH.CONSOLE_PROOF_REQUIRED' })
    expect(staffRows()).toHaveLength(0)
    expect(lines.find((l) => l.event === 'console.refused')?.fields?.reason).toBe('client_source')
  })

  it('refuses every console call when the environment has no console key (fails closed)', async () => {
    world.platform.env = { ...world.platform.env, CONSOLE_TOKEN_KEYS: '' }
    const reply = await main(opsFunction)(addStaff({ consoleToken: token() }), cloudbaseContext({}))
    expect(reply).toMatchObject({ ok: false, code: 'AUTH.CONSOLE_PROOF_REQUIRED' })
    expect(lines.find((l) => l.event === 'console.refused')?.fields?.reason).toBe('not_configured')
  })

  it('accepts a WeChat callFunction event carrying userInfo and ignores it: identity stays WX_OPENID', async () => {
    const event = { action: 'me', userInfo: { appId: 'wx0123456789abcdef', openId: 'demo-ops' } }
    const reply = await main(householdsFunction)(event, cloudbaseContext({ WX_OPENID: 'demo-owner', TCB_SOURCE: 'wx_client' }))
    expect(reply.ok).toBe(true)
    if (reply.ok) {
      const me = reply.data as { households: Array<{ label: string }>; roles: unknown[] }
      expect(me.households.map((h) => h.label)).toEqual(['阳光花园 1栋1单元101'])
      expect(me.roles).toEqual([])
    }
  })

  it('a WeChat user who adds a console token is still just that user', async () => {
    const reply = await main(opsFunction)(addStaff({ consoleToken: token(), requestId: 'req-user-00001' }), cloudbaseContext({ WX_OPENID: 'demo-owner' }))
    expect(reply).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(staffRows()).toHaveLength(0)
  })

  it('runs a timer only when CloudBase fired it (TRIGGER_SRC=timer) or with console proof', async () => {
    const timer = { Type: 'Timer', TriggerName: 'expireUnpaid', Time: world.clock.now().toISOString() }
    expect(await main(ordersFunction)(timer, cloudbaseContext({}))).toMatchObject({ ok: false, code: 'AUTH.CONSOLE_PROOF_REQUIRED' })
    expect(await main(ordersFunction)(timer, cloudbaseContext({ TRIGGER_SRC: 'timer' }))).toMatchObject({ ok: true })
    expect(await main(ordersFunction)({ ...timer, consoleToken: token() }, cloudbaseContext({}))).toMatchObject({ ok: true })
  })

  it('lets an unproven caller reach only self-verifying actions (payment notifies), which trust nothing in the event', async () => {
    const notify = { action: 'payNotify', notify: { outTradeNo: 'o-does-not-exist', transactionId: 't-1', totalFee: 1, resultCode: 'SUCCESS', returnCode: 'SUCCESS' } }
    const reply = await main(paycallbackFunction)(notify, cloudbaseContext({}))
    expect(reply.ok === true || (reply.ok === false && reply.code !== 'AUTH.CONSOLE_PROOF_REQUIRED')).toBe(true)
    // The same unproven caller on an ops action is refused.
    expect(await main(opsFunction)({ action: 'payNotify' }, cloudbaseContext({}))).toMatchObject({ ok: false, code: 'AUTH.CONSOLE_PROOF_REQUIRED' })
  })

  it('de-duplicates console retries: the same mutation twice without requestId runs once', async () => {
    const first = await main(opsFunction)(addStaff({ consoleToken: token() }), cloudbaseContext({}))
    // A second operator retrying the identical event gets the first answer, not a second write.
    const again = await main(opsFunction)(addStaff({ consoleToken: token('ops-li') }), cloudbaseContext({}))
    expect(again).toEqual(first)
    const audits = lines.filter((l) => l.event === 'console.action').map((l) => l.fields?.requestId)
    expect(audits[0]).toMatch(/^con-[0-9a-f]{40}$/)
    expect(audits[1]).toBe(audits[0])
    // An explicit requestId is used as given.
    const own = await main(opsFunction)(addStaff({ consoleToken: token(), requestId: 'ops-manual-0001', name: '又一次' }), cloudbaseContext({}))
    expect(own).toMatchObject({ ok: true, data: { created: false } })
  })

  it('refuses over-deep events and a top-level __proto__ key before anything else reads the event', async () => {
    let deep: unknown = 1
    for (let i = 0; i < 5000; i++) deep = [deep]
    const ctx = cloudbaseContext({ WX_OPENID: 'demo-owner' })
    expect(await main(householdsFunction)({ action: 'me', x: deep }, ctx)).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    // JSON.parse (what the SCF runtime does with the wire event) makes __proto__ an own key; it must not vanish silently.
    const proto = JSON.parse('{"action":"me","__proto__":{"isOps":true}}')
    const reply = await main(householdsFunction)(proto, ctx)
    expect(reply).toMatchObject({ ok: false, code: 'VALIDATION.FAILED', issues: [{ path: '__proto__' }] })
  })
})
