import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import type { UserPrefsDoc } from './household.model'

/**
 * user_prefs/<openid>.currentHouseholdId: which household the app shows. Updated in place so any other
 * preference stored on the document survives; created on first use.
 */
export async function setCurrentHousehold(db: Db, openid: string, householdId: string, now: Date): Promise<void> {
  const prefs = db.collection(COLLECTIONS.userPrefs)
  const res = must(await prefs.doc(openid).update({ currentHouseholdId: householdId, updatedAt: now }))
  if (res.updated === 1) return
  const existing = (must(await prefs.doc(openid).get()).data as UserPrefsDoc[])[0]
  if (!existing) must(await prefs.doc(openid).set({ currentHouseholdId: householdId, updatedAt: now }))
}
