import type { Server } from 'node:http'
import { request } from 'node:http'
import { createGateway } from '../../cloudfunctions/platform/local/gateway/create-gateway'
import { createTestWorld, type TestWorld } from '../support/test-platform'

/**
 * The gateway serves `POST /fn/<name>` with a plain JSON body without Express (fast-function-route.ts) and
 * leaves everything else to Express. Each body below is sent both ways — with a content-length (the fast
 * route) and chunked (which the fast route declines, so Express and body-parser read it) — and must get the
 * same answer. Express stamps an ETag on its replies and the fast route does not, which tells the paths apart.
 */
describe('local gateway: the fast /fn route answers exactly as the Express route', () => {
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

  function post(path: string, body: string, how: 'fast' | 'express', headers: Record<string, string> = {}): Promise<{ status: number; json: unknown; etag?: string; type?: string }> {
    return new Promise((resolve, reject) => {
      const data = Buffer.from(body)
      const framing = how === 'fast' ? { 'content-length': String(data.length) } : { 'transfer-encoding': 'chunked' }
      const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...framing, ...headers } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text), etag: res.headers.etag, type: res.headers['content-type'] })
        })
      })
      req.on('error', reject)
      req.end(data)
    })
  }

  const owner = { 'x-dev-openid': 'demo-owner' }
  it.each([
    ['a real call', '{"action":"me"}', owner],
    ['a call with a UTF-8 BOM', '\ufeff{"action":"me"}', owner],
    ['malformed JSON', '{"action":', owner],
    ['JSON that is not an object or array', '"me"', owner],
    ['an empty body', '', owner],
    ['an array', '[1,2]', owner],
    ['no persona header', '{"action":"me"}', {}],
    ['a persona header of the wrong shape', '{"action":"me"}', { 'x-dev-openid': 'a b' }],
    ['an unknown action', '{"action":"nope"}', owner],
    ['a nested __proto__ key', '{"action":"notices","communityId":{"__proto__":{"x":1}}}', owner],
  ])('%s', async (_what, body, headers) => {
    const fast = await post('/fn/households', body, 'fast', headers)
    const slow = await post('/fn/households', body, 'express', headers)
    expect(fast.etag).toBeUndefined()
    expect(slow.etag).toBeDefined()
    expect(fast.status).toBe(slow.status)
    expect(fast.type).toBe(slow.type)
    expect(fast.json).toEqual(slow.json)
  })

  it('an unknown function answers NOT_FOUND on both paths', async () => {
    const fast = await post('/fn/nosuchfn', '{"action":"x"}', 'fast', owner)
    expect(fast.json).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(fast.json).toEqual((await post('/fn/nosuchfn', '{"action":"x"}', 'express', owner)).json)
  })

  it('a malformed %-escape in the function name is left to Express, and the gateway keeps answering', async () => {
    const bad = await post('/fn/%E0%A4%A', '{"action":"me"}', 'fast', owner)
    expect(bad.etag).toBeDefined()
    expect(bad.json).toMatchObject({ ok: false })
    expect((await post('/fn/households', '{"action":"me"}', 'fast', owner)).json).toMatchObject({ ok: true })
  })

  it('declines what it does not serve: another charset goes to Express', async () => {
    const latin = await post('/fn/households', '{"action":"me"}', 'fast', { ...owner, 'content-type': 'application/json; charset=latin1' })
    expect(latin.etag).toBeDefined()
    expect(latin.json).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
  })
})
