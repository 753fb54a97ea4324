import { gzipSync } from 'node:zlib'
import { createTestWorld, dumpDatabase } from '../support/test-platform'
import { listenGateway, type GatewayServer } from '../support/gateway-server'

/** Hostile HTTP bodies against the local gateway: every answer is the functions' own shape, no stack, no path. */
describe('local gateway: hostile bodies answer in the functions\' error shape', () => {
  let gw: GatewayServer
  beforeAll(async () => {
    gw = await listenGateway(await createTestWorld({ seed: true }))
  })
  afterAll(() => gw.close())

  async function post(path: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; json: any }> {
    const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length
    const { status, text } = await gw.post(path, body, { 'content-type': 'application/json', 'content-length': String(length), 'x-dev-openid': 'demo-owner', ...headers })
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status, text, json }
  }

  const expectCleanRefusal = (res: { status: number; text: string; json: any }, code = 'VALIDATION.FAILED') => {
    expect(res.json).toMatchObject({ ok: false, code, message: expect.any(String) })
    expect(res.text).not.toMatch(/at [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|<html|<pre>/i)
  }

  it('refuses JSON nested 5,000 levels deep (no crash, no stack), and caps depth', async () => {
    const deep = `{"action":"me","x":${'['.repeat(5000)}${']'.repeat(5000)}}`
    const res = await post('/fn/households', deep)
    expect(res.status).toBe(200)
    expectCleanRefusal(res)
    expect(res.json.issues[0].message).toContain('嵌套层级')
    const deepObject = `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`
    expectCleanRefusal(await post('/console/fn/ops', deepObject))
    // The gateway still answers normally afterwards.
    expect((await post('/fn/households', '{"action":"me"}')).json).toMatchObject({ ok: true })
  })

  it('refuses a body over 2 MB in the same shape', async () => {
    const big = JSON.stringify({ action: 'me', pad: 'x'.repeat(2 * 1024 * 1024 + 10) })
    const res = await post('/fn/households', big)
    expectCleanRefusal(res)
    expect(res.json.issues[0].message).toContain('2 MB')
  })

  it.each([
    ['gzip', gzipSync(Buffer.from('{"action":"me"}'))],
    ['br', Buffer.from('not really brotli')],
    ['x-unknown', Buffer.from('{"action":"me"}')],
  ])('refuses a %s-encoded body instead of unpacking it', async (encoding, body) => {
    const res = await post('/fn/households', body, { 'content-encoding': encoding })
    expectCleanRefusal(res)
    expect(res.json.issues[0].message).toContain('Content-Encoding')
  })

  it('refuses malformed JSON and unknown API paths in the same shape', async () => {
    expectCleanRefusal(await post('/fn/households', '{"action":'))
    expectCleanRefusal(await post('/fn/households/extra', '{}'), 'NOT_FOUND')
  })

  it('refuses a top-level __proto__ key (and nested ones) and writes nothing', async () => {
    const before = dumpDatabase(gw.world.platform, [])
    const top = await post('/console/fn/ops', '{"action":"addStaff","communityId":"c-sunshine","openid":"someone-x","role":"ops","name":"x","__proto__":{"polluted":true}}')
    expectCleanRefusal(top)
    expect(top.json.issues[0].path).toBe('__proto__')
    const nested = await post('/fn/households', '{"action":"notices","communityId":{"__proto__":{"x":1}}}')
    expectCleanRefusal(nested)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(dumpDatabase(gw.world.platform, [])).toEqual(before)
  })
})
