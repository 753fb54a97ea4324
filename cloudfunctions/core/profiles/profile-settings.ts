import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { INTEREST_COLLECTIONS } from './interest.model'

/** Per-community knobs ops may change in the console (collection profile_settings, _id = communityId). */
export interface ProfileSettings {
  /** Interest half-life: an interaction this old counts half. */
  halfLifeDays: number
  /** An item needs this many distinct buyers before co-purchase similarity is trusted (else category fallback). */
  minBuyers: number
  /** A push converts when the household orders within this many days. */
  conversionDays: number
  /** At most this many targeted pushes reach one person per rolling 7 days (besides opt-out). */
  pushesPerWeek: number
  /** A SKU is slow when sold / stock stays below this after `slowAfterDays` on sale. */
  slowSellThrough: number
  slowAfterDays: number
}

export const DEFAULT_PROFILE_SETTINGS: ProfileSettings = {
  halfLifeDays: 30,
  minBuyers: 1,
  conversionDays: 7,
  pushesPerWeek: 2,
  slowSellThrough: 0.3,
  slowAfterDays: 3,
}

export async function loadProfileSettings(db: Db, communityId: string): Promise<ProfileSettings> {
  const row = (must(await db.collection(INTEREST_COLLECTIONS.settings).doc(communityId).get()).data as Partial<ProfileSettings>[])[0]
  const merged = { ...DEFAULT_PROFILE_SETTINGS }
  for (const key of Object.keys(merged) as (keyof ProfileSettings)[]) {
    const v = row?.[key]
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) merged[key] = v
  }
  return merged
}
