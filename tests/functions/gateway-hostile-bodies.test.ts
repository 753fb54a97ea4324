import type { Server } from 'node:http'
import { request } from 'node:http'
import { gzipSync } from 'node:zlib'
import { createGateway } from '../../cloudfunctions/platform/local/gateway/create-gateway'
import { createTestWorld, dumpDatabase, type TestWorld } from '../support/test-platform'

/** Hostile HTTP bodies against the local gateway: every answer is the functions' own shape, no stack, no path. */
describe('local gateway: hostile bodies answer in the functions\' error shape', () => {
  let world: TestWorld
  let server: Server
  let port = 0
  beforeAll(async () => {
    world = await createTestWorld({ seed: true })
    server = await new Promise((resolve) => {
      const s = createGateway({ platform: world.platform }).listen(0, '127.0.0.1', () => resolve(s))
    })
    const addr = server.address()
    port = typeof addr === 'object' && addr ? addr.port : 0
  })
  afterAll(async () => {
    await new Promise((r) => server.close(r))
    world.close()
  })

  /** Raw HTTP so the test controls every header and byte (fetch would refuse some of these bodies). */
  function post(path: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; json: any }> {
    return new Promise((resolve, reject) => {
      const data = typeof body === 'string' ? Buffer.from(body) : body
      const req = request(
        { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(data.length), 'x-dev-openid': 'demo-owner', ...headers } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c) => chunks.push(c))
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            let json: unknown
            try {
              json = JSON.parse(text)
            } catch {
              json = undefined
            }
            resolve({ status: res.statusCode ?? 0, text, json })
          })
        },
      )
      req.on('error', reject)
      req.end(data)
    })
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
    const before = dumpDatabase(world.platform, [])
    const top = await post('/console/fn/ops', '{"action":"addStaff","communityId":"c-sunshine","openid":"someone-x","role":"ops","name":"x","__proto__":{"polluted":true}}')
    expectCleanRefusal(top)
    expect(top.json.issues[0].path).toBe('__proto__')
    const nested = await post('/fn/households', '{"action":"notices","communityId":{"__proto__":{"x":1}}}')
    expectCleanRefusal(nested)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(dumpDatabase(world.platform, [])).toEqual(before)
  })
})
