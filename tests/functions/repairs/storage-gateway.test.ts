import { JPEG, OWNER, HOUSEHOLD, TECH, repairsWorld } from './repairs-world'
import type { TestWorld } from '../../support/test-platform'
import { listenGateway, type GatewayServer } from '../../support/gateway-server'

/** The H5 build's path: Taro.uploadFile → POST /storage/upload, then the fileID goes to the function. */
describe('local gateway: storage upload/download and the dev outbox', () => {
  let gw: GatewayServer
  let world: TestWorld
  let base: string
  beforeAll(async () => {
    gw = await listenGateway(await repairsWorld())
    world = gw.world
    base = `http://127.0.0.1:${gw.port}`
  })
  afterAll(() => gw.close())

  const upload = (content: Buffer, fields: Record<string, string> = {}, openid: string | null = OWNER) => {
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.append(k, v)
    form.append('file', new Blob([new Uint8Array(content)], { type: 'image/jpeg' }), 'photo.jpg')
    return fetch(`${base}/storage/upload`, { method: 'POST', body: form, headers: openid ? { 'x-dev-openid': openid } : {} }).then((r) => r.json())
  }
  const callFn = (openid: string, body: object) =>
    fetch(`${base}/fn/repairs`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': openid }, body: JSON.stringify(body) }).then((r) => r.json())

  it('a resident uploads a photo, files a ticket with it and the photo is served through its temp URL', async () => {
    const up = await upload(JPEG, { cloudPath: 'repairs/h5/abc123.jpg' })
    expect(up).toEqual({ ok: true, data: { fileId: 'cloud://local-env.local-bucket/repairs/h5/abc123.jpg' } })
    const created = await callFn(OWNER, { action: 'create', requestId: 'req-gw-create-1', place: { kind: 'household', householdId: HOUSEHOLD }, category: 'plumbing', description: '马桶水箱一直在流水', photos: [up.data.fileId] })
    expect(created.ok).toBe(true)
    const detail = await callFn(OWNER, { action: 'detail', ticketId: created.data.ticketId })
    const res = await fetch(`${base}${detail.data.photos[0].url}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(JPEG)
  })

  it('without a cloudPath the file lands under uploads/, which repairs will not accept', async () => {
    const up = await upload(JPEG)
    expect(up.data.fileId).toMatch(/^cloud:\/\/local-env\.local-bucket\/uploads\/[\w-]+\.jpg$/)
    const created = await callFn(OWNER, { action: 'create', requestId: 'req-gw-create-2', place: { kind: 'household', householdId: HOUSEHOLD }, category: 'plumbing', description: '马桶水箱一直在流水', photos: [up.data.fileId] })
    expect(created).toMatchObject({ ok: false, code: 'FILE.NOT_FOUND' })
  })

  it('refuses uploads without a persona, with a bad cloudPath, or that are not multipart', async () => {
    expect(await upload(JPEG, {}, null)).toMatchObject({ ok: false, code: 'AUTH.UNAUTHENTICATED' })
    expect(await upload(JPEG, { cloudPath: 'repairs/../../etc/passwd' })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(await upload(JPEG, { cloudPath: '/abs/path.jpg' })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    const notMultipart = await fetch(`${base}/storage/upload`, { method: 'POST', headers: { 'x-dev-openid': OWNER, 'content-type': 'application/json' }, body: '{}' }).then((r) => r.json())
    expect(notMultipart).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
  })

  it('serves nothing for a forged or tampered link', async () => {
    await upload(JPEG, { cloudPath: 'repairs/h5/secret.jpg' })
    expect((await fetch(`${base}/storage/repairs/h5/secret.jpg?expires=9999999999999&sign=forged`)).status).toBe(403)
    expect((await fetch(`${base}/storage/repairs/h5/secret.jpg`)).status).toBe(403)
  })

  it('GET /dev/outbox (local tool) lists only the current persona\'s messages, newest first', async () => {
    const anonymous = await fetch(`${base}/dev/outbox`).then((r) => r.json())
    expect(anonymous).toMatchObject({ ok: false, code: 'AUTH.UNAUTHENTICATED' })
    const tech = await fetch(`${base}/dev/outbox`, { headers: { 'x-dev-openid': TECH } }).then((r) => r.json())
    expect(tech.ok).toBe(true)
    expect(tech.data.length).toBeGreaterThan(0)
    expect(tech.data.every((m: { toOpenid: string }) => m.toOpenid === TECH)).toBe(true)
    expect(tech.data[0]).toMatchObject({ template: 'repair_task', data: { thing4: '新工单，请在30分钟内接单' } })
    // Another persona's inbox is not readable by naming it.
    expect(await fetch(`${base}/dev/outbox?openid=${TECH}`, { headers: { 'x-dev-openid': OWNER } }).then((r) => r.json())).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })
})
