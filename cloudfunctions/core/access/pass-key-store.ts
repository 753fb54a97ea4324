import { createHmac } from 'node:crypto'
import { z } from 'zod'
import type { PassKey } from './pass-keys'

/**
 * Where the functions get community pass keys. Production: the ACCESS_PASS_KEYS secret (function
 * environment variable filled from the secret store, never committed), a JSON object
 *   { "<communityId>": [ { "kid": 2, "secret": "<base64, ≥ 16 bytes>", "signFrom": "<ISO>", "verifyUntil": "<ISO>" | null } ] }
 * Readers of that community are provisioned with the same list. Local dev: keys derived from a dev secret,
 * so `npm start`, tests and a simulated reader agree without any setup.
 */
export interface PassKeyStore {
  keysFor(communityId: string): readonly PassKey[]
}

export const PASS_KEY_STORE_PORT = 'accessPassKeys'

const keySpec = z.object({
  kid: z.number().int().min(0).max(255),
  secret: z.string().refine((s) => Buffer.from(s, 'base64').length >= 16, '密钥至少 16 字节（base64）'),
  signFrom: z.string().datetime({ offset: true }),
  verifyUntil: z.string().datetime({ offset: true }).nullable().optional(),
})
const keyConfig = z.record(z.string().min(1), z.array(keySpec).min(1))

export function parsePassKeyConfig(json: string): Map<string, PassKey[]> {
  const parsed = keyConfig.parse(JSON.parse(json))
  const out = new Map<string, PassKey[]>()
  for (const [communityId, specs] of Object.entries(parsed)) {
    const kids = new Set(specs.map((s) => s.kid))
    if (kids.size !== specs.length) throw new Error(`ACCESS_PASS_KEYS: duplicate kid for community ${communityId}`)
    out.set(
      communityId,
      specs.map((s) => ({
        kid: s.kid,
        secret: Buffer.from(s.secret, 'base64'),
        signFrom: Date.parse(s.signFrom),
        verifyUntil: s.verifyUntil ? Date.parse(s.verifyUntil) : null,
      })),
    )
  }
  return out
}

export function staticPassKeyStore(keys: Map<string, PassKey[]>): PassKeyStore {
  return { keysFor: (communityId) => keys.get(communityId) ?? [] }
}

export const DEV_ACCESS_SECRET = 'local-dev-access-secret'

/** One key per community, derived from a dev secret: stable across restarts, useless outside dev. */
export function devPassKeyStore(devSecret: string = DEV_ACCESS_SECRET): PassKeyStore {
  const cache = new Map<string, PassKey[]>()
  return {
    keysFor(communityId) {
      let keys = cache.get(communityId)
      if (!keys) {
        keys = [{ kid: 1, secret: createHmac('sha256', devSecret).update(`access-pass-key|${communityId}`).digest(), signFrom: 0, verifyUntil: null }]
        cache.set(communityId, keys)
      }
      return keys
    },
  }
}

/**
 * Production passes devFallback=false: with no ACCESS_PASS_KEYS every community has no key and issuing
 * fails closed (ACCESS.NOT_CONFIGURED) rather than signing with a guessable dev key.
 */
export function passKeyStoreFromEnv(env: Readonly<Record<string, string | undefined>>, options: { devFallback: boolean }): PassKeyStore {
  if (env.ACCESS_PASS_KEYS) return staticPassKeyStore(parsePassKeyConfig(env.ACCESS_PASS_KEYS))
  if (options.devFallback) return devPassKeyStore(env.ACCESS_DEV_SECRET || DEV_ACCESS_SECRET)
  return staticPassKeyStore(new Map())
}
