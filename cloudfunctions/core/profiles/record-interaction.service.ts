import type { Platform } from '../kernel/platform'
import { DomainError } from '../kernel/domain-error'
import { isDuplicateKey, must } from '../kernel/db-result'
import {
  DEFAULT_INTERACTION_WEIGHT,
  INTERACTION_COLLECTION,
  INTERACTION_KINDS,
  interactionId,
  type InteractionDoc,
  type InteractionKind,
} from './interaction.model'
import { addBoughtItem } from './household-items'
import { refreshAfterInteraction } from './interest.service'

export interface InteractionInput {
  householdId: string
  communityId: string
  kind: InteractionKind
  category: string
  itemId?: string | null
  at: Date
  weight?: number
  sourceId: string
}

export interface RecordInteractionResult {
  interactionId: string
  /** False when the same (kind, sourceId, householdId) was recorded before: nothing was written. */
  created: boolean
}

const ID_TEXT = /^[A-Za-z0-9_\-:.]{1,96}$/

function invalid(why: string): DomainError {
  return new DomainError('PROFILE.INTERACTION_INVALID', `互动记录不合法：${why}`)
}

/** Checks everything before the one write, so bad input never leaves a half-made row. */
function validate(input: InteractionInput): void {
  if (!ID_TEXT.test(input.householdId ?? '')) throw invalid('householdId')
  if (!ID_TEXT.test(input.communityId ?? '')) throw invalid('communityId')
  if (!ID_TEXT.test(input.sourceId ?? '')) throw invalid('sourceId')
  if (!INTERACTION_KINDS.includes(input.kind)) throw invalid('kind')
  if (typeof input.category !== 'string' || !input.category.trim() || input.category.length > 32) throw invalid('category')
  if (input.itemId != null && !ID_TEXT.test(input.itemId)) throw invalid('itemId')
  if (!(input.at instanceof Date) || Number.isNaN(input.at.getTime())) throw invalid('at')
  if (input.weight !== undefined && !(Number.isFinite(input.weight) && input.weight > 0 && input.weight <= 100)) throw invalid('weight')
}

/**
 * Records one interaction of a household, idempotent per (kind, sourceId, householdId): the row's _id is
 * made of the three, so a retried listener, a re-run timer or two concurrent reports of the same fact
 * write one row; the later ones answer created=false and change nothing (the first report's values stay).
 * A purchase also joins the household's item set (co-purchase input), and the household's interest scores
 * are recomputed right away unless `refresh: false` (bulk loads, which leave it to the timer).
 */
export async function recordInteraction(platform: Platform, input: InteractionInput, options: { refresh?: boolean } = {}): Promise<RecordInteractionResult> {
  validate(input)
  const doc: InteractionDoc = {
    _id: interactionId(input.kind, input.sourceId, input.householdId),
    householdId: input.householdId,
    communityId: input.communityId,
    kind: input.kind,
    category: input.category.trim(),
    itemId: input.itemId ?? null,
    weight: input.weight ?? DEFAULT_INTERACTION_WEIGHT[input.kind],
    sourceId: input.sourceId,
    at: input.at,
    recordedAt: platform.clock.now(),
  }
  const created = await storeInteraction(platform, doc)
  if (!created) return { interactionId: doc._id, created: false }
  // The score follows at once ("on touch"); a failure leaves a dirty mark for the timer, never an error here.
  if (options.refresh !== false) await refreshAfterInteraction(platform, doc.householdId, doc.communityId)
  return { interactionId: doc._id, created: true }
}

/**
 * The one write of an interaction (already validated): false when the same row exists. A purchase also
 * joins the household's item set, also on a repeat: a crash between the two writes is healed by the
 * caller's retry ($addToSet is idempotent).
 */
export async function storeInteraction(platform: Platform, doc: InteractionDoc): Promise<boolean> {
  let created = true
  try {
    must(await platform.db.collection(INTERACTION_COLLECTION).add(doc))
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
    created = false
  }
  if (doc.kind === 'purchase' && doc.itemId) await addBoughtItem(platform.db, doc.householdId, doc.communityId, doc.itemId, doc.category, doc.recordedAt)
  return created
}
