import { createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHttpDoorGateway, doorGatewayFromEnv } from '../../../cloudfunctions/platform/cloudbase/door-gateway-http'
import { DoorGatewayError, type DoorOpenCommand } from '../../../cloudfunctions/core/kernel/ports/door-gateway.port'

const command: DoorOpenCommand = { communityId: 'c-sunshine', doorId: 'd-sun-gate-s', vendorDoorId: 'VENDOR/42', requestId: 'req-12345678', channel: 'remote' }

/** A stand-in vendor gateway on a local port: records requests, answers with the status it is told. */
async function fakeVendor(answer: { status: number; delayMs?: number }) {
  const seen: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body })
      setTimeout(() => res.writeHead(answer.status, { 'content-type': 'application/json' }).end('{}'), answer.delayMs ?? 0)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/`
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) }
}

describe('HTTP door gateway adapter', () => {
  it('posts a signed open command to the vendor and resolves on 2xx', async () => {
    const vendor = await fakeVendor({ status: 200 })
    try {
      const now = new Date('2026-11-22T02:00:00Z')
      await createHttpDoorGateway({ baseUrl: vendor.url, secret: 'vendor-secret', now: () => now }).open(command)
      expect(vendor.seen).toHaveLength(1)
      const [req] = vendor.seen
      expect(req.url).toBe('/api/v1/doors/VENDOR%2F42/open')
      expect(JSON.parse(req.body)).toEqual({ doorId: 'VENDOR/42', requestId: 'req-12345678', channel: 'remote' })
      expect(req.headers['x-timestamp']).toBe(String(now.getTime() / 1000))
      expect(req.headers['idempotency-key']).toBe('req-12345678')
      const expected = createHmac('sha256', 'vendor-secret').update(`${req.headers['x-timestamp']}.${req.body}`).digest('hex')
      expect(req.headers['x-signature']).toBe(expected)
    } finally {
      await vendor.close()
    }
  })

  it.each([
    [503, true],
    [403, false],
  ])('rejects a %i answer with a DoorGatewayError (retryable: %s)', async (status, retryable) => {
    const vendor = await fakeVendor({ status })
    try {
      const err = await createHttpDoorGateway({ baseUrl: vendor.url, secret: 's' }).open(command).catch((e) => e)
      expect(err).toBeInstanceOf(DoorGatewayError)
      expect(err.retryable).toBe(retryable)
    } finally {
      await vendor.close()
    }
  })

  it('gives up after its timeout', async () => {
    const vendor = await fakeVendor({ status: 200, delayMs: 1_000 })
    try {
      const err = await createHttpDoorGateway({ baseUrl: vendor.url, secret: 's', timeoutMs: 100 }).open(command).catch((e) => e)
      expect(err).toBeInstanceOf(DoorGatewayError)
      expect(err.message).toMatch(/unreachable/)
    } finally {
      await vendor.close()
    }
  })

  it('fails closed when URL or secret are not configured', async () => {
    await expect(doorGatewayFromEnv({ DOOR_GATEWAY_URL: 'https://x.example' }).open(command)).rejects.toBeInstanceOf(DoorGatewayError)
  })
})
