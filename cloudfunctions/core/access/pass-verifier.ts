import { communityTag, decodePass, macMatches, replayKeyOf, type PassClaims } from './pass-codec'
import { verifyingKey, type PassKey } from './pass-keys'

/**
 * What a door reader runs when a QR is held up to it, with no network: structure, community, key,
 * signature, time, door scope, replay. The functions run the same checks (reader-verify.service) and add
 * the ones only the database can answer (is the member still a member, is the visitor pass revoked).
 */
export type RefusalReason =
  | 'MALFORMED'
  | 'WRONG_COMMUNITY'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'OUT_OF_SCOPE'
  | 'REPLAYED'

export type VerifyResult =
  | { ok: true; claims: PassClaims; expiresAtMs: number; replayKey: string; repeat: boolean }
  | { ok: false; reason: RefusalReason; claims?: PassClaims }

/** Reader clocks drift; a few seconds either way is tolerated, no more. */
export const DEFAULT_SKEW_MS = 5_000

export interface VerifyInput {
  communityId: string
  keys: readonly PassKey[]
  doorNo: number
  nowMs: number
  skewMs?: number
}

/** Every check that needs only the code, the keys and a clock. Replay is left to the caller's store. */
export function verifyPassCode(code: string, input: VerifyInput): VerifyResult {
  const skew = input.skewMs ?? DEFAULT_SKEW_MS
  const decoded = decodePass(code)
  if (!decoded) return { ok: false, reason: 'MALFORMED' }
  const { claims } = decoded
  if (claims.communityTag !== communityTag(input.communityId)) return { ok: false, reason: 'WRONG_COMMUNITY' }
  const key = verifyingKey(input.keys, claims.kid, input.nowMs, skew)
  if (!key) return { ok: false, reason: 'UNKNOWN_KEY' }
  if (!macMatches(key.secret, decoded)) return { ok: false, reason: 'BAD_SIGNATURE' }
  // Only now are the claims trustworthy enough to hand back (for logging who tried).
  const issuedAtMs = claims.issuedAt * 1000
  const expiresAtMs = issuedAtMs + claims.ttlSeconds * 1000
  if (issuedAtMs > input.nowMs + skew) return { ok: false, reason: 'NOT_YET_VALID', claims }
  if (input.nowMs >= expiresAtMs + skew) return { ok: false, reason: 'EXPIRED', claims }
  if (!claims.doorNos.includes(input.doorNo)) return { ok: false, reason: 'OUT_OF_SCOPE', claims }
  return { ok: true, claims, expiresAtMs: expiresAtMs + skew, replayKey: replayKeyOf(claims), repeat: false }
}

/**
 * Where a code was first used. A code opens one door: shown again at the same door (a reader scanning a
 * phone twice) it is the same entry; shown at another door within its window it is a replay — a
 * screenshot passed on, or a code photographed over a shoulder. Readers of one community share this
 * store through their door controller, which is why "offline" means offline from the cloud.
 */
export interface ReplayGuard {
  firstUse(replayKey: string, doorNo: number, forgetAtMs: number, nowMs: number): 'first' | 'same-door' | 'other-door'
}

export function createMemoryReplayGuard(): ReplayGuard & { size(): number } {
  const seen = new Map<string, { doorNo: number; forgetAtMs: number }>()
  let nextSweepMs = 0
  return {
    size: () => seen.size,
    firstUse(replayKey, doorNo, forgetAtMs, nowMs) {
      if (nowMs >= nextSweepMs) {
        // Entries are useless once their code has expired; sweeping every few seconds keeps memory flat.
        for (const [k, v] of seen) if (v.forgetAtMs <= nowMs) seen.delete(k)
        nextSweepMs = nowMs + 5_000
      }
      const prior = seen.get(replayKey)
      if (!prior) {
        seen.set(replayKey, { doorNo, forgetAtMs })
        return 'first'
      }
      return prior.doorNo === doorNo ? 'same-door' : 'other-door'
    },
  }
}

export interface OfflineVerifierOptions {
  communityId: string
  keys: readonly PassKey[]
  replay?: ReplayGuard
  skewMs?: number
}

/** One community's reader (or door controller): verify(code, doorNo, now) → allowed or a reason. */
export function createOfflineVerifier(options: OfflineVerifierOptions) {
  let keys = options.keys
  const replay = options.replay ?? createMemoryReplayGuard()
  return {
    /** Key updates arrive from provisioning; the verifier picks them up without a restart. */
    setKeys(next: readonly PassKey[]) {
      keys = next
    },
    verify(code: string, doorNo: number, nowMs: number): VerifyResult {
      const result = verifyPassCode(code, { communityId: options.communityId, keys, doorNo, nowMs, skewMs: options.skewMs })
      if (!result.ok) return result
      const use = replay.firstUse(result.replayKey, doorNo, result.expiresAtMs, nowMs)
      if (use === 'other-door') return { ok: false, reason: 'REPLAYED', claims: result.claims }
      return { ...result, repeat: use === 'same-door' }
    },
  }
}
