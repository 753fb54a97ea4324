import { createHash } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { addIfAbsent } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, type EntryDoc, type PickupCodeDoc } from './groupbuy.model'

const ATTEMPTS = 6

/**
 * Candidate `attempt` of an order's pickup code: 8 digits derived from the entry's random salt. Derived,
 * not drawn, so a closing job that runs twice (or two that race) lands on the same code, and the resident
 * is never told a code that lost.
 */
export function pickupCodeCandidate(entry: Pick<EntryDoc, '_id' | 'salt'>, attempt: number): string {
  const digest = createHash('sha256').update(`${entry.salt}|${entry._id}|${attempt}`).digest()
  return (digest.readBigUInt64BE(0) % 100_000_000n).toString().padStart(8, '0')
}

/**
 * The order's pickup code, claimed in groupbuy_pickup_codes (_id = code), so one code can never point at two
 * orders; a code taken by another order moves on to the next candidate.
 */
export async function ensurePickupCode(db: Db, entry: EntryDoc, now: Date): Promise<string> {
  if (entry.pickupCode) return entry.pickupCode
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const code = pickupCodeCandidate(entry, attempt)
    const claim: PickupCodeDoc = { _id: code, orderId: entry._id, campaignId: entry.campaignId, communityId: entry.communityId, createdAt: now }
    if (await addIfAbsent(db, GROUPBUY_COLLECTIONS.pickupCodes, { ...claim })) return code
    const holder = (must(await db.collection(GROUPBUY_COLLECTIONS.pickupCodes).doc(code).get()).data as PickupCodeDoc[])[0]
    if (holder?.orderId === entry._id) return code
  }
  throw new Error(`no free pickup code for order ${entry._id} after ${ATTEMPTS} attempts`)
}

/** What the QR code on the resident's phone encodes; the steward's scanner accepts it as typed input too. */
export function pickupQrPayload(code: string): string {
  return `GB:${code}`
}
