import type { Db } from '@cloudbase/database'
import { isDuplicateKey, must } from '../kernel/db-result'
import { ACCESS_COLLECTIONS } from './access.model'

/**
 * The cloud's replay memory for online readers: the same rule as the offline ReplayGuard (a code opens
 * the first door it is shown at, re-scans there are the same entry), made atomic by the unique _id.
 */
export type ServerUse = { use: 'first' } | { use: 'same-door'; counted: boolean } | { use: 'other-door' }

export async function firstUseOnServer(db: Db, replayKey: string, doorId: string, forgetAt: Date): Promise<ServerUse> {
  const coll = db.collection(ACCESS_COLLECTIONS.passUses)
  try {
    must(await coll.add({ _id: replayKey, doorId, counted: false, expireAt: forgetAt }))
    return { use: 'first' }
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
  }
  const prior = (must(await coll.doc(replayKey).get()).data as { doorId: string; counted?: boolean }[])[0]
  return prior?.doorId === doorId ? { use: 'same-door', counted: !!prior.counted } : { use: 'other-door' }
}

/** A visitor entry that took a use; its re-scans at the same door are then let through without another. */
export async function markCounted(db: Db, replayKey: string): Promise<void> {
  must(await db.collection(ACCESS_COLLECTIONS.passUses).doc(replayKey).update({ counted: true }))
}

/** Timer job: replay records and rate windows are worthless once expired. */
export async function purgeExpired(db: Db, now: Date): Promise<{ passUses: number; rateLimits: number }> {
  const _ = db.command
  const [uses, limits] = await Promise.all([
    db.collection(ACCESS_COLLECTIONS.passUses).where({ expireAt: _.lt(now) }).remove(),
    db.collection(ACCESS_COLLECTIONS.rateLimits).where({ expireAt: _.lt(now) }).remove(),
  ])
  return { passUses: Number(must(uses).deleted ?? 0), rateLimits: Number(must(limits).deleted ?? 0) }
}
