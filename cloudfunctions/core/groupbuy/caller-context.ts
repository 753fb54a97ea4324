import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import type { CallerAccess } from '../auth'
import { COLLECTIONS } from '../households'
import { householdLabel, type CommunityDoc, type HouseholdDoc, type UserPrefsDoc } from '../households'

export interface GroupbuyCaller {
  access: CallerAccess
  /** The household the app currently shows (user_prefs), else the first membership. */
  currentHouseholdId: string | null
}

/**
 * Who is calling, for group-buy pages: memberships, staff roles, the current household. `resolved` is the
 * call's access (ctx.access()), which the runtime may already have loaded for the audience gate: reusing it
 * saves the same reads twice on every call, the flash sale's refused attempts included.
 */
export async function loadGroupbuyCaller(db: Db, openid: string, resolved: Promise<CallerAccess>): Promise<GroupbuyCaller> {
  const [access, prefsRes] = await Promise.all([resolved, db.collection(COLLECTIONS.userPrefs).doc(openid).get()])
  const preferred = (must(prefsRes).data as UserPrefsDoc[])[0]?.currentHouseholdId
  const current = access.memberships.find((m) => m.householdId === preferred)?.householdId ?? access.memberships[0]?.householdId ?? null
  return { access, currentHouseholdId: current }
}

/** The community the caller's pages default to: their current household's, else one they work in. */
export function homeCommunityOf(caller: GroupbuyCaller): string | null {
  const m = caller.access.memberships.find((x) => x.householdId === caller.currentHouseholdId)
  return m?.communityId ?? caller.access.staff[0]?.communityId ?? null
}

/** The household an order in `communityId` is placed for: the current one if it is there, else the first. */
export function householdIn(caller: GroupbuyCaller, communityId: string): string | null {
  const inCommunity = caller.access.memberships.filter((m) => m.communityId === communityId)
  return (inCommunity.find((m) => m.householdId === caller.currentHouseholdId) ?? inCommunity[0])?.householdId ?? null
}

export async function communityName(db: Db, communityId: string): Promise<string> {
  return (must(await db.collection(COLLECTIONS.communities).doc(communityId).get()).data as CommunityDoc[])[0]?.name ?? ''
}

export async function labelOfHousehold(db: Db, householdId: string, community: string): Promise<string> {
  const h = (must(await db.collection(COLLECTIONS.households).doc(householdId).get()).data as HouseholdDoc[])[0]
  return h ? householdLabel(community, h) : community
}
