import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS, maskName, type HouseholdDoc } from '../households'

export interface OwnerContact {
  ownerNameMasked: string
  /** "尾号2301" — the registry keeps only the last four digits beside the peppered hash. */
  phoneHint: string
}

/** The masked owner line a steward's arrears row shows (one read for a page of households). */
export async function ownerContacts(db: Db, householdIds: string[]): Promise<Map<string, OwnerContact>> {
  const out = new Map<string, OwnerContact>()
  if (householdIds.length === 0) return out
  const _ = db.command
  const rows = must(
    await db.collection(COLLECTIONS.households).where({ _id: _.in([...new Set(householdIds)].slice(0, 500)) }).field({ ownerName: true, ownerPhoneLast4: true }).limit(500).get(),
  ).data as Pick<HouseholdDoc, '_id' | 'ownerName' | 'ownerPhoneLast4'>[]
  for (const h of rows) out.set(h._id, { ownerNameMasked: maskName(h.ownerName ?? ''), phoneHint: h.ownerPhoneLast4 ? `尾号${h.ownerPhoneLast4}` : '' })
  return out
}
