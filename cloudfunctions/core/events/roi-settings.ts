import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { DEFAULT_ATTRIBUTION_DAYS, DEFAULT_MARGIN_RATE_BP, EVENT_COLLECTIONS, type EventCategory, type RoiSettingsDoc } from './event.model'

/** A community's ROI settings with the defaults filled in (a community ops never touched reads as the defaults). */
export interface RoiSettingsView {
  categoryMarginBp: Partial<Record<EventCategory, number>>
  attributionDays: number
  serviceCategories: Record<string, EventCategory>
  updatedAt: Date | null
}

export async function communityRoiSettings(db: Db, communityId: string): Promise<RoiSettingsView> {
  const doc = (must(await db.collection(EVENT_COLLECTIONS.roiSettings).doc(communityId).get()).data as RoiSettingsDoc[])[0]
  return {
    categoryMarginBp: doc?.categoryMarginBp ?? {},
    attributionDays: doc?.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS,
    serviceCategories: doc?.serviceCategories ?? {},
    updatedAt: doc?.updatedAt ?? null,
  }
}

/** The margin rate of an order in `category`: the community's rate for it, else the default (20 %). */
export function marginRateOf(settings: Pick<RoiSettingsView, 'categoryMarginBp'>, category: EventCategory | null): number {
  return (category && settings.categoryMarginBp[category]) ?? DEFAULT_MARGIN_RATE_BP
}
