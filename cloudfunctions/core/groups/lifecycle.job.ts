import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { rawThreshold, SILENT_SCORE } from './activity-score'
import { GROUP_COLLECTIONS } from './group.model'
import { STRONG_STAGE_DAYS } from './lifecycle.rules'

/**
 * Daily timer: flags groups past their first month whose decayed activity fell below the silent line,
 * and clears the flag of those that came back. Two multi-document conditional updates, whatever the
 * number of groups — the score threshold becomes a plain range on activityRaw (activity-score.ts) — and
 * naturally idempotent: a re-run finds nothing left to change.
 */
export async function runLifecycle(platform: Platform): Promise<{ flagged: number; revived: number }> {
  const db = platform.db
  const _ = db.command
  const now = platform.clock.now()
  const line = rawThreshold(SILENT_SCORE, now)
  const monthAgo = new Date(now.getTime() - STRONG_STAGE_DAYS * 86_400_000)
  const flagged = must(
    await db
      .collection(GROUP_COLLECTIONS.groups)
      .where({ silent: false, status: 'active', createdAt: _.lte(monthAgo), activityRaw: _.lt(line) })
      .update({ silent: true, silentSince: now }),
  ).updated
  const revived = must(
    await db.collection(GROUP_COLLECTIONS.groups).where({ silent: true, activityRaw: _.gte(line) }).update({ silent: false, silentSince: null }),
  ).updated
  return { flagged, revived }
}
