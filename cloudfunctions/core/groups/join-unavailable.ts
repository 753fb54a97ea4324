import type { GroupKind, JoinOutput } from '../../contracts/groups.contract'
import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import type { Classified } from './classify'
import { GROUP_COLLECTIONS, KIND_LABELS, type GroupDoc } from './group.model'
import { isCodeShowable } from './lifecycle.rules'
import { shanghaiDate } from './shanghai-time'
import { alertId, homeStewardOf, raiseAlert } from './steward-alerts'

type Reason = 'no_group' | 'all_full' | 'no_live_code'

const MESSAGES: Record<Reason, string> = {
  no_group: '您所在的楼栋暂时还没有可加入的社群，已通知管家尽快建群，请稍后再来',
  all_full: '社群暂时满员，已通知管家开设新群，请稍后再来',
  no_live_code: '社群二维码正在更新，已通知管家尽快上传新的二维码，请稍后再来',
}

const STEWARD_TEXT: Record<Reason, string> = {
  no_group: '有住户申请入群，但没有覆盖其楼栋的社群，请建群',
  all_full: '有住户申请入群，但对应社群都已满员，请开新群',
  no_live_code: '有住户申请入群，但对应社群的二维码已过期，请上传新码',
}

/**
 * No eligible group: says why (none for this building and identity / all full / codes lapsed) and tells
 * the steward in charge, once per day, building, kinds and reason.
 */
export async function explainUnavailable(platform: Platform, who: Classified, kinds: GroupKind[], now: Date): Promise<JoinOutput> {
  const db = platform.db
  const _ = db.command
  const base = { communityId: who.communityId, kind: _.in(kinds), status: 'active' }
  const where = who.buildingId ? _.and([base, _.or([{ allBuildings: true }, { buildingIds: who.buildingId }])]) : base
  const groups = must(await db.collection(GROUP_COLLECTIONS.groups).where(where).field({ seatsLeft: true, code: true, stewardOpenid: true }).limit(100).get()).data as GroupDoc[]
  const reason: Reason = groups.length === 0 ? 'no_group' : groups.some((g) => g.seatsLeft > 0 && !isCodeShowable(g.code, now)) ? 'no_live_code' : 'all_full'

  const steward = await responsibleSteward(platform, who, groups)
  let stewardNotified = false
  if (steward) {
    const kindsLabel = kinds.map((k) => KIND_LABELS[k]).join('/')
    await raiseAlert(
      platform,
      {
        _id: alertId('no_group', shanghaiDate(now), reason, who.communityId, who.buildingId ?? '*', kinds.join('+'), steward),
        communityId: who.communityId,
        stewardOpenid: steward,
        type: 'no_group',
        groupId: null,
        title: `${kindsLabel}暂无可加入的群`,
        text: STEWARD_TEXT[reason],
      },
      now,
    )
    stewardNotified = true
  }
  return { outcome: 'unavailable', identity: who.identity, reason, message: MESSAGES[reason], stewardNotified }
}

/** The grid steward of the building; for a merchant, the steward who registered them; else whoever runs those groups. */
async function responsibleSteward(platform: Platform, who: Classified, groups: GroupDoc[]): Promise<string | null> {
  if (who.registeredBy) return who.registeredBy
  if (who.buildingId) {
    const home = await homeStewardOf(platform.db, who.communityId, who.buildingId)
    if (home) return home
  }
  return groups[0]?.stewardOpenid ?? null
}
