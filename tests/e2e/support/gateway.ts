import type { E2E } from './e2e'

/**
 * A function call the way the H5 client makes it (`POST /fn/<name>` with the persona's openid header), or
 * from the local console route when no openid is given. Returns the data; a refusal throws with its code.
 * For setting the scene around what the browser does, never instead of it.
 */
export async function callGateway<T = any>(e2e: E2E, name: string, event: Record<string, unknown>, openid?: string): Promise<T> {
  const url = openid ? `${e2e.baseUrl}/fn/${name}` : `${e2e.baseUrl}/console/fn/${name}`
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) }, body: JSON.stringify(event) })
  const body = (await res.json()) as { ok: boolean; data: T; code?: string; message?: string }
  if (!body.ok) throw new Error(`${name}.${String(event.action)}: ${body.code} ${body.message}`)
  return body.data
}
