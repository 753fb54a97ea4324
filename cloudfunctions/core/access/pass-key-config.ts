import { z } from 'zod'
import type { PassKey, PassKeyStore } from '../kernel/ports/pass-keys.port'

/**
 * Production pass keys: the ACCESS_PASS_KEYS secret (function environment variable filled from the
 * secret store, never committed), a JSON object
 *   { "<communityId>": [ { "kid": 2, "secret": "<base64, ≥ 16 bytes>", "signFrom": "<ISO>", "verifyUntil": "<ISO>" | null } ] }
 * Readers of that community are provisioned with the same list.
 */
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

/**
 * With no ACCESS_PASS_KEYS, production (no fallback) has no key for any community and issuing fails closed
 * (ACCESS.NOT_CONFIGURED) rather than signing with a guessable key; local runs pass the dev store as fallback.
 */
export function passKeyStoreFromEnv(env: Readonly<Record<string, string | undefined>>, options: { fallback?: PassKeyStore } = {}): PassKeyStore {
  if (env.ACCESS_PASS_KEYS) return staticPassKeyStore(parsePassKeyConfig(env.ACCESS_PASS_KEYS))
  return options.fallback ?? staticPassKeyStore(new Map())
}
