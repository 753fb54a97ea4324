import { createHmac } from 'node:crypto'
import { DoorGatewayError, type DoorGateway, type DoorOpenCommand } from '../../core/kernel/ports/door-gateway.port'

export interface HttpDoorGatewayOptions {
  /** The vendor's API base, e.g. https://door-vendor.example.com/api/v1 (env DOOR_GATEWAY_URL). */
  baseUrl: string
  /** Shared secret for request signing (env DOOR_GATEWAY_SECRET, from the secret store). */
  secret: string
  timeoutMs?: number
  fetchImpl?: typeof fetch
  now?: () => Date
}

/**
 * 一键开门 in production: POST {baseUrl}/doors/{vendorDoorId}/open with a JSON body, an idempotency key
 * and an HMAC-SHA256 signature over "timestamp.body", which is how door vendors' cloud APIs commonly
 * authenticate server callers. 2xx means the vendor accepted the open; anything else, or no answer
 * within the timeout, is a DoorGatewayError (the open is logged as refused).
 */
export function createHttpDoorGateway(options: HttpDoorGatewayOptions): DoorGateway {
  // Global fetch needs the Nodejs18 (or newer) CloudBase runtime; fail each open clearly rather than crash.
  const doFetch: typeof fetch =
    options.fetchImpl ??
    (typeof fetch === 'function' ? fetch : async () => Promise.reject(new Error('global fetch unavailable: deploy access on the Nodejs18+ runtime')))
  const timeoutMs = options.timeoutMs ?? 5_000
  const now = options.now ?? (() => new Date())
  const base = options.baseUrl.replace(/\/+$/, '')
  return {
    async open(command: DoorOpenCommand): Promise<void> {
      const body = JSON.stringify({ doorId: command.vendorDoorId, requestId: command.requestId, channel: command.channel })
      const timestamp = String(Math.floor(now().getTime() / 1000))
      const signature = createHmac('sha256', options.secret).update(`${timestamp}.${body}`).digest('hex')
      let res: Response
      try {
        res = await doFetch(`${base}/doors/${encodeURIComponent(command.vendorDoorId)}/open`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-timestamp': timestamp, 'x-signature': signature, 'idempotency-key': command.requestId },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (e) {
        throw new DoorGatewayError(`door gateway unreachable: ${(e as Error).name}`, true)
      }
      if (!res.ok) throw new DoorGatewayError(`door gateway answered ${res.status}`, res.status >= 500 || res.status === 429)
    },
  }
}

/** Missing configuration is not a crash at cold start: every open fails closed and says why in the log. */
export function doorGatewayFromEnv(env: Readonly<Record<string, string | undefined>>): DoorGateway {
  const baseUrl = env.DOOR_GATEWAY_URL
  const secret = env.DOOR_GATEWAY_SECRET
  if (!baseUrl || !secret) {
    return {
      open: async () => {
        throw new DoorGatewayError('DOOR_GATEWAY_URL / DOOR_GATEWAY_SECRET not configured', false)
      },
    }
  }
  return createHttpDoorGateway({ baseUrl, secret, timeoutMs: Number(env.DOOR_GATEWAY_TIMEOUT_MS) || undefined })
}
