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
 */
export async function recordInteraction(platform: Platform, input: InteractionInput): Promise<RecordInteractionResult> {
  validate(input)
  const _id = interactionId(input.kind, input.sourceId, input.householdId)
  const doc: InteractionDoc = {
    _id,
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
  try {
    must(await platform.db.collection(INTERACTION_COLLECTION).add(doc))
    return { interactionId: _id, created: true }
  } catch (e) {
    if (isDuplicateKey(e)) return { interactionId: _id, created: false }
    throw e
  }
}
