import type { Db } from '@cloudbase/database'
import type { z } from 'zod'
import type { joinerSchema } from '../../contracts/groupbuy.contract'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from '../households'
import { maskName } from '../households'
import type { HouseholdDoc } from '../households'
import { GROUPBUY_COLLECTIONS, PARTICIPATING_STAGES, type EntryDoc } from './groupbuy.model'

type Joiner = z.infer<typeof joinerSchema>
const SHOWN = 8

/**
 * The latest households to join a campaign, as neighbours may see them: the collector's name masked
 * ("王*"), one character for the avatar, and the building only. Two reads whatever the campaign's size.
 */
export async function latestJoiners(db: Db, campaignId: string): Promise<Joiner[]> {
  const _ = db.command
  const entries = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.entries)
      .where({ campaignId, stage: _.in([...PARTICIPATING_STAGES]) })
      .orderBy('paidAt', 'desc')
      .field({ householdId: true, contact: true })
      .limit(SHOWN * 3)
      .get(),
  ).data as Pick<EntryDoc, 'householdId' | 'contact'>[]
  const firstPerHousehold = [...new Map(entries.map((e) => [e.householdId, e] as const)).values()].slice(0, SHOWN)
  if (firstPerHousehold.length === 0) return []
  const households = must(
    await db
      .collection(COLLECTIONS.households)
      .where({ _id: _.in(firstPerHousehold.map((e) => e.householdId)) })
      .field({ ownerName: true, building: true })
      .limit(SHOWN)
      .get(),
  ).data as Pick<HouseholdDoc, '_id' | 'ownerName' | 'building'>[]
  const byId = new Map(households.map((h) => [h._id, h]))
  return firstPerHousehold.map((e) => {
    const h = byId.get(e.householdId)
    const name = maskName(e.contact?.name || h?.ownerName || '邻居')
    return { name, initial: [...name][0] ?? '邻', building: h?.building ?? '' }
  })
}

/** The default collector of a household: the registry's owner, masked for the confirm page. */
export async function defaultContact(db: Db, householdId: string): Promise<{ name: string; phoneMasked: string } | null> {
  const h = (must(await db.collection(COLLECTIONS.households).doc(householdId).get()).data as HouseholdDoc[])[0]
  if (!h) return null
  return { name: maskName(h.ownerName), phoneMasked: maskedPhone(h.ownerPhoneLast4) }
}

/** Only the last four digits are ever stored: "138****1234" style needs the first three, so show "*******1234". */
export const maskedPhone = (last4: string) => `*******${last4}`
