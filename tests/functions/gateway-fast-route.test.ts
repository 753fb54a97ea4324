import { createTestWorld } from '../support/test-platform'
import { listenGateway, type GatewayServer } from '../support/gateway-server'

/**
 * The gateway serves `POST /fn/<name>` with a plain JSON body without Express (fast-function-route.ts) and
 * leaves everything else to Express. Each body below is sent both ways — with a content-length (the fast
 * route) and chunked (which the fast route declines, so Express and body-parser read it) — and must get the
 * same answer. Express stamps an ETag on its replies and the fast route does not, which tells the paths apart.
 */
describe('local gateway: the fast /fn route answers exactly as the Express route', () => {
  let gw: GatewayServer
  beforeAll(async () => {
    gw = await listenGateway(await createTestWorld({ seed: true }))
  })
  afterAll(() => gw.close())

  async function post(path: string, body: string, how: 'fast' | 'express', headers: Record<string, string> = {}): Promise<{ status: number; json: unknown; etag?: string; type?: string }> {
    const framing: Record<string, string> = how === 'fast' ? { 'content-length': String(Buffer.byteLength(body)) } : { 'transfer-encoding': 'chunked' }
    const res = await gw.post(path, body, { 'content-type': 'application/json', ...framing, ...headers })
    return { status: res.status, json: JSON.parse(res.text), etag: res.headers.etag as string | undefined, type: res.headers['content-type'] as string | undefined }
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
