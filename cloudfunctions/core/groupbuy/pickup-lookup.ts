import type { Db } from '@cloudbase/database'
import type { PickLine, PickupPreview } from '../../contracts/groupbuy.contract'
import { must } from '../kernel/db-result'
import { forbidden } from '../kernel/domain-error'
import { communitiesWhere, type CallerAccess } from '../auth'
import { maskName } from '../households'
import { COLLECTIONS } from '../households'
import type { HouseholdDoc } from '../households'
import { communityName } from './caller-context'
import { groupbuyError } from './groupbuy-errors'
import { loadCampaign, loadEntry } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type EntryDoc, type PickupCodeDoc, type RedemptionDoc } from './groupbuy.model'
import { householdLabel } from '../households'

/** How long the steward who made a handover may take it back. */
export const UNDO_WINDOW_MS = 3 * 60_000

/** Communities where the caller may hand over goods (steward or ops there). */
export function pickupCommunities(access: CallerAccess): Set<string> {
  const worksIn = new Set(communitiesWhere(access, 'community.lead'))
  if (worksIn.size === 0) throw forbidden('只有网格管家或物业运营人员可以核销提货码')
  return worksIn
}

/**
 * The entry behind a code, after every check that needs no write: staff of the code's community, the code
 * attached to its order (a claim the closing job made but never attached is not a code).
 */
export async function entryOfCode(db: Db, access: CallerAccess, code: string): Promise<EntryDoc> {
  const worksIn = pickupCommunities(access)
  const claim = (must(await db.collection(GROUPBUY_COLLECTIONS.pickupCodes).doc(code).get()).data as PickupCodeDoc[])[0]
  if (!claim) throw groupbuyError('GROUPBUY.PICKUP_CODE_INVALID')
  if (!worksIn.has(claim.communityId)) throw groupbuyError('GROUPBUY.PICKUP_WRONG_COMMUNITY')
  const entry = await loadEntry(db, claim.orderId)
  if (!entry || entry.pickupCode !== code) throw groupbuyError('GROUPBUY.PICKUP_CODE_INVALID')
  return entry
}

export function pickLines(entry: Pick<EntryDoc, 'lines' | 'picked'>): PickLine[] {
  return entry.lines.map((l) => {
    const picked = Math.min(l.quantity, entry.picked?.[l.skuId] ?? 0)
    return { ...l, picked, left: l.quantity - picked }
  })
}

export function pickStatus(entry: Pick<EntryDoc, 'lines' | 'picked' | 'stage'>): PickupPreview['status'] {
  if (entry.stage === 'picked_up') return 'picked_up'
  return pickLines(entry).some((l) => l.picked > 0) ? 'partly_picked' : 'ready'
}

/** "王* · 尾号 0101": the collector from the confirm page, else the registry's owner. */
export function contactText(entry: Pick<EntryDoc, 'contact'>, h: Pick<HouseholdDoc, 'ownerName' | 'ownerPhoneLast4'> | undefined): string {
  const name = maskName(entry.contact?.name || h?.ownerName || '')
  const last4 = entry.contact?.phoneLast4 || h?.ownerPhoneLast4 || ''
  return [name, last4 ? `尾号 ${last4}` : ''].filter(Boolean).join(' · ')
}

export async function latestRedemption(db: Db, orderId: string): Promise<RedemptionDoc | undefined> {
  const rows = must(await db.collection(GROUPBUY_COLLECTIONS.redemptions).where({ orderId }).orderBy('at', 'desc').limit(1).get()).data as RedemptionDoc[]
  return rows[0]
}

/** The preview the steward confirms against: household, masked collector, lines with what is left. */
export async function previewOf(db: Db, entry: EntryDoc, viewer: string, now: Date, campaign?: CampaignDoc): Promise<PickupPreview> {
  const [c, name, hRes, last] = await Promise.all([
    campaign ? Promise.resolve(campaign) : loadCampaign(db, entry.campaignId),
    communityName(db, entry.communityId),
    db.collection(COLLECTIONS.households).doc(entry.householdId).get(),
    latestRedemption(db, entry._id),
  ])
  const h = (must(hRes).data as HouseholdDoc[])[0]
  const undoUntil = last ? new Date(new Date(last.at).getTime() + UNDO_WINDOW_MS) : null
  return {
    orderId: entry._id,
    code: entry.pickupCode ?? '',
    campaignTitle: c?.title ?? '',
    householdLabel: h ? householdLabel(name, h) : name,
    contact: contactText(entry, h),
    pickupPoint: c?.pickup.point ?? '',
    lines: pickLines(entry),
    amountFen: entry.amountFen,
    status: pickStatus(entry),
    lastRedemption:
      last && !last.undoneAt && undoUntil
        ? { redemptionId: last._id, at: new Date(last.at).toISOString(), undoUntil: undoUntil.toISOString(), mine: last.by === viewer && (!last.completed || entry.fulfilState === 'due') && undoUntil > now }
        : null,
  }
}
