import { createHmac } from 'node:crypto'
import type { PassKey, PassKeyStore } from '../../../core/kernel/ports/pass-keys.port'
import { passKeyStoreFromEnv } from '../../../core/access/pass-key-config'

export const DEV_ACCESS_SECRET = 'local-dev-access-secret'

/** Local runs only: one key per community, derived from a dev secret: stable across restarts, useless outside dev. */
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


/** The store local runs use: ACCESS_PASS_KEYS when set (to try a real key list), else dev keys. */
export function localPassKeyStore(env: Readonly<Record<string, string | undefined>>): PassKeyStore {
  return passKeyStoreFromEnv(env, { fallback: devPassKeyStore(env.ACCESS_DEV_SECRET || DEV_ACCESS_SECRET) })
}
