import type { z } from 'zod'
import { eventCategorySchema, type roiSettingsInput } from '../../contracts/events.contract'
import type { ActionContext } from '../kernel/action-context'
import { userOpenid } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { must } from '../kernel/db-result'
import { ORDER_COLLECTIONS } from '../orders'
import { GROUPBUY_COLLECTIONS, type CampaignDoc } from '../groupbuy'
import { DEFAULT_MARGIN_RATE_BP, EVENT_COLLECTIONS, type RoiSettingsDoc } from './event.model'
import { activityInfos } from './activity-gmv'
import { communityRoiSettings } from './roi-settings'
import { leadCommunity } from './event-scope'

interface ServiceItemRow {
  _id: string
  title: string
  active: boolean
}

/** ROI 设置 (ops): margin rate per category, the attribution window, and what each service and campaign is filed under. */
export async function roiSettings(ctx: ActionContext, communityId?: string) {
  const scope = await leadCommunity(ctx, communityId, 'community.manage')
  const db = ctx.platform.db
  const s = await communityRoiSettings(db, scope.communityId)
  const services = must(await db.collection(ORDER_COLLECTIONS.serviceItems).where({ communityId: scope.communityId }).orderBy('sort', 'asc').limit(100).get()).data as ServiceItemRow[]
  const campaigns = must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ communityId: scope.communityId }).orderBy('deadline', 'desc').field({ _id: true }).limit(30).get()).data as Pick<CampaignDoc, '_id'>[]
  const infos = await activityInfos(db, campaigns.map((c) => ({ kind: 'campaign' as const, id: c._id })))
  return {
    communityId: scope.communityId,
    defaultMarginRateBp: DEFAULT_MARGIN_RATE_BP,
    categories: eventCategorySchema.options.map((category) => ({ category, marginRateBp: s.categoryMarginBp[category] ?? null })),
    attributionDays: s.attributionDays,
    services: services.map((x) => ({ id: x._id, title: x.title, active: x.active, category: s.serviceCategories[x._id] ?? null })),
    campaigns: [...infos.values()].map((i) => ({ id: i.ref.id, title: i.title, category: i.category, ownMarginRateBp: i.ownMarginRateBp })),
    updatedAt: s.updatedAt ? new Date(s.updatedAt).toISOString() : null,
  }
}

/**
 * Saves the community's ROI settings. Only what the input names changes (a category rate of null goes
 * back to the default); every service named must be one of the community's, checked before the one write.
 */
export async function setRoiSettings(ctx: ActionContext, input: z.infer<typeof roiSettingsInput>) {
  const scope = await leadCommunity(ctx, input.communityId, 'community.manage')
  const db = ctx.platform.db
  const _ = db.command
  const current = await communityRoiSettings(db, scope.communityId)
  const named = Object.keys(input.serviceCategories ?? {})
  if (named.length) {
    const found = must(await db.collection(ORDER_COLLECTIONS.serviceItems).where({ _id: _.in(named), communityId: scope.communityId }).field({ _id: true }).limit(100).get()).data as { _id: string }[]
    if (found.length !== named.length) throw new DomainError('EVENT.SERVICE_NOT_FOUND')
  }
  const categoryMarginBp = { ...current.categoryMarginBp }
  for (const [category, bp] of Object.entries(input.categoryMarginBp ?? {}) as [keyof typeof categoryMarginBp, number | null][]) {
    if (bp === null) delete categoryMarginBp[category]
    else categoryMarginBp[category] = bp
  }
  const serviceCategories = { ...current.serviceCategories }
  for (const [id, category] of Object.entries(input.serviceCategories ?? {})) {
    if (category === null) delete serviceCategories[id]
    else serviceCategories[id] = category
  }
  const doc: Omit<RoiSettingsDoc, '_id'> = {
    communityId: scope.communityId,
    categoryMarginBp,
    attributionDays: input.attributionDays ?? current.attributionDays,
    serviceCategories,
    updatedBy: userOpenid(ctx),
    updatedAt: ctx.now(),
  }
  must(await db.collection(EVENT_COLLECTIONS.roiSettings).doc(scope.communityId).set(doc))
  return roiSettings(ctx, scope.communityId)
}
