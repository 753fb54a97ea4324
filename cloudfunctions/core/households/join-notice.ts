import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { notify, thing } from '../notify'
import { COLLECTIONS } from './registry-collections'
import type { MemberRole, ResidentDoc } from './household.model'

const ROLE_LABEL: Record<MemberRole, string> = { owner: '业主', family: '家属', tenant: '租户' }
const MEMBERS_PAGE = (householdId: string) => `packages/households/pages/members/index?householdId=${householdId}`

/**
 * Tells the household's owners that someone used an invite and waits for approval (入户申请). Runs after
 * the membership is committed; one message per pending membership (keyed by member id and its time),
 * so a retried accept never tells twice, and a later re-application is a new message.
 */
export async function tellOwnersOfJoinRequest(
  platform: Platform,
  m: { householdId: string; householdLabel: string; memberId: string; role: MemberRole; nickname: string | null; at: Date },
): Promise<number> {
  if (!platform.ports.notifier) return 0
  const owners = must(
    await platform.db.collection(COLLECTIONS.residents).where({ householdId: m.householdId, role: 'owner', status: 'active' }).limit(10).get(),
  ).data as ResidentDoc[]
  for (const o of owners) {
    await notify(platform, {
      toOpenid: o.openid,
      template: 'household_join',
      page: MEMBERS_PAGE(m.householdId),
      data: { thing1: thing(`${m.nickname ?? '新成员'}（${ROLE_LABEL[m.role]}）申请加入`), thing2: thing(m.householdLabel), thing3: '请在“房屋成员”中审核' },
      dedupeKey: `households:join:${m.memberId}:${m.at.getTime()}`,
    })
  }
  return owners.length
}
