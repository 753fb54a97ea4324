import type { Server } from 'node:http'
import { request } from 'node:http'
import { createGateway } from '../../cloudfunctions/platform/local/gateway/create-gateway'
import type { TestWorld } from './test-platform'

/** The local gateway over a test world, listening on a free port of 127.0.0.1 (port 0: tests run side by side). */
export interface GatewayServer {
  world: TestWorld
  port: number
  /** Raw HTTP, so a test controls every header and byte (fetch would refuse some bodies and framings). */
  post(path: string, body: Buffer | string, headers: Record<string, string>): Promise<RawAnswer>
  /** Stops listening, then closes the world. */
  close(): Promise<void>
}

export interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

export async function listenGateway(world: TestWorld): Promise<GatewayServer> {
  const server: Server = await new Promise((resolve) => {
    const s = createGateway({ platform: world.platform }).listen(0, '127.0.0.1', () => resolve(s))
  })
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    world,
    port,
    post: (path, body, headers) =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
        })
        req.on('error', reject)
        req.end(typeof body === 'string' ? Buffer.from(body) : body)
      }),
    close: async () => {
      await new Promise((r) => server.close(r))
      world.close()
    },
  }
}
