import type { z } from 'zod'
import type { activitySettingsInput } from '../../contracts/events.contract'
import type { ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { must } from '../kernel/db-result'
import { authorize } from '../auth'
import { EVENT_COLLECTIONS, settingsIdOf, type ActivitySettingsDoc } from './event.model'
import { activityInfos } from './activity-gmv'

/**
 * Ops set an activity's category (campaigns), and optionally its own margin rate and attribution days;
 * `null` clears an own value so the community's ROI settings apply again, omitted keeps what was set.
 */
export async function setActivitySettings(ctx: ActionContext, input: z.infer<typeof activitySettingsInput>) {
  const access = await ctx.access()
  const info = (await activityInfos(ctx.platform.db, [input.ref])).get(settingsIdOf(input.ref))
  if (!info) throw new DomainError('EVENT.ACTIVITY_NOT_FOUND')
  authorize(access, 'community.manage', { communityId: info.communityId })
  if (input.ref.kind === 'event' && input.category && input.category !== info.category) throw new DomainError('VALIDATION.FAILED', '活动的品类在创建时确定')
  const old = (must(await ctx.platform.db.collection(EVENT_COLLECTIONS.settings).doc(settingsIdOf(input.ref)).get()).data as ActivitySettingsDoc[])[0]
  const doc: Omit<ActivitySettingsDoc, '_id'> = {
    communityId: info.communityId,
    ref: input.ref,
    category: input.ref.kind === 'campaign' ? input.category ?? info.category : info.category,
    marginRateBp: input.marginRateBp === undefined ? old?.marginRateBp ?? null : input.marginRateBp,
    attributionDays: input.attributionDays === undefined ? old?.attributionDays ?? null : input.attributionDays,
    updatedAt: ctx.now(),
  }
  must(await ctx.platform.db.collection(EVENT_COLLECTIONS.settings).doc(settingsIdOf(input.ref)).set(doc))
  return { ref: input.ref, category: doc.category, marginRateBp: doc.marginRateBp, attributionDays: doc.attributionDays ?? info.roi.attributionDays }
}
