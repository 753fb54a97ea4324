import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { SEGMENT_COLLECTIONS, type OptOutDoc } from './segment.model'
import { consentCredits } from './push-consent.service'

/** A resident's choice about targeted pushes (我的 → 推送设置); the default is to receive them. */
export async function pushPreference(db: Db, openid: string): Promise<{ optedOut: boolean; reminders: number }> {
  const row = (must(await db.collection(SEGMENT_COLLECTIONS.optouts).doc(openid).get()).data as OptOutDoc[])[0]
  // reminders: WeChat cards still allowed (one per "allow" tapped), shown so the person knows why to tap again.
  return { optedOut: row?.optedOut === true, reminders: await consentCredits(db, openid, 'profile_push') }
}

export async function setPushOptOut(db: Db, openid: string, optedOut: boolean, now: Date): Promise<{ optedOut: boolean }> {
  must(await db.collection(SEGMENT_COLLECTIONS.optouts).doc(openid).set({ optedOut, at: now }))
  return { optedOut }
}

/** The people among `openids` who opted out, 100 per read. */
export async function optedOutAmong(db: Db, openids: readonly string[]): Promise<Set<string>> {
  const _ = db.command
  const out = new Set<string>()
  for (let i = 0; i < openids.length; i += 100) {
    const rows = must(await db.collection(SEGMENT_COLLECTIONS.optouts).where({ _id: _.in(openids.slice(i, i + 100)), optedOut: true }).limit(100).get()).data as OptOutDoc[]
    for (const r of rows) out.add(r._id)
  }
  return out
}
