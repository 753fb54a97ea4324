import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import type { MeOutput } from '../../contracts/households.contract'
import type { CommunityDoc, HouseholdDoc, ResidentDoc, StaffDoc } from './household.model'
import { toSummary } from './household-summary'

async function communitiesByIds(db: Db, ids: string[]): Promise<Map<string, CommunityDoc>> {
  if (ids.length === 0) return new Map()
  const _ = db.command
  const res = must(await db.collection(COLLECTIONS.communities).where({ _id: _.in(ids) }).limit(100).get())
  return new Map((res.data as CommunityDoc[]).map((c) => [c._id, c]))
}

/** The caller's identity card: staff roles and active household memberships (a handful of reads). */
export async function loadMe(db: Db, openid: string): Promise<MeOutput> {
  const _ = db.command
  const [staffRes, memberRes, prefRes] = await Promise.all([
    db.collection(COLLECTIONS.staff).where({ openid, status: 'active' }).limit(20).get(),
    db.collection(COLLECTIONS.residents).where({ openid, status: 'active' }).limit(50).get(),
    db.collection(COLLECTIONS.userPrefs).doc(openid).get(),
  ])
  const staff = must(staffRes).data as StaffDoc[]
  const members = must(memberRes).data as ResidentDoc[]
  const pref = (must(prefRes).data as { currentHouseholdId?: string }[])[0]
  const householdIds = members.map((m) => m.householdId)
  const households = householdIds.length
    ? (must(await db.collection(COLLECTIONS.households).where({ _id: _.in(householdIds) }).limit(50).get()).data as HouseholdDoc[])
    : []
  const communities = await communitiesByIds(db, [...new Set([...staff.map((s) => s.communityId), ...households.map((h) => h.communityId)])])
  const byId = new Map(households.map((h) => [h._id, h]))
  const summaries = members.flatMap((m) => {
    const h = byId.get(m.householdId)
    return h ? [toSummary(communities.get(h.communityId)?.name ?? '', h, m.role)] : []
  })
  const preferred = pref?.currentHouseholdId
  const current = summaries.find((s) => s.householdId === preferred)?.householdId ?? summaries[0]?.householdId ?? null
  return {
    openid,
    staffName: staff[0]?.name ?? null,
    roles: staff.map((s) => ({ role: s.role, communityId: s.communityId, communityName: communities.get(s.communityId)?.name ?? '' })),
    households: summaries,
    currentHouseholdId: current,
  }
}
