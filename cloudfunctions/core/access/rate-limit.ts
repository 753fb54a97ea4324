import { createHash } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import { isDuplicateKey, must } from '../kernel/db-result'
import { ACCESS_COLLECTIONS } from './access.model'

export interface RateLimit {
  max: number
  windowMs: number
}

/** 一键开门 is a real door: a handful a minute covers gate + unit door + a retry, and stops a stuck loop. */
export const REMOTE_OPEN_LIMIT: RateLimit = { max: 6, windowMs: 60_000 }

/**
 * Fixed-window counter, one document per (scope, caller, window). The conditional increment is atomic,
 * so concurrent taps cannot exceed the limit. The caller key is hashed: no openid in document ids.
 */
export async function takeToken(db: Db, scope: string, callerKey: string, now: Date, limit: RateLimit): Promise<boolean> {
  const window = Math.floor(now.getTime() / limit.windowMs)
  const _id = `${scope}-${createHash('sha256').update(callerKey).digest('hex').slice(0, 24)}-${window}`
  const coll = db.collection(ACCESS_COLLECTIONS.rateLimits)
  const _ = db.command
  const bump = async () => must(await coll.where({ _id, count: _.lt(limit.max) }).update({ count: _.inc(1) })).updated === 1
  if (await bump()) return true
  try {
    must(await coll.add({ _id, count: 1, expireAt: new Date((window + 2) * limit.windowMs) }))
    return true
  } catch (e) {
    // Either a concurrent first call created the window (try once more) or the window is full.
    if (!isDuplicateKey(e)) throw e
    return bump()
  }
}
