import type { Platform } from '../kernel/platform'
import { DEFAULT_INTERACTION_WEIGHT, interactionId, type InteractionKind } from './interaction.model'
import { storeInteraction } from './record-interaction.service'
import { recomputeHouseholds } from './interest.service'

/** The facts other areas report about a household (not interests: they feed only rule tags). */
export type HouseholdFactKind = Extract<InteractionKind, 'repair_filed' | 'repair_closed' | 'bill_paid_on_time' | 'bill_paid_late' | 'group_joined' | 'group_activity'>

/** The tag family each fact belongs to; stored as the interaction's category. */
const FAMILY_OF: Readonly<Record<HouseholdFactKind, string>> = {
  repair_filed: '维修频次',
  repair_closed: '维修频次',
  bill_paid_on_time: '缴费习惯',
  bill_paid_late: '缴费习惯',
  group_joined: '社群活跃',
  group_activity: '社群活跃',
}

export interface HouseholdFact {
  householdId: string
  communityId: string
  kind: HouseholdFactKind
  /** The reporter's id of the fact (ticket id, bill id, membership id…): a repeat report is the same row. */
  sourceId: string
  at: Date
}

/**
 * Records facts about households (a repair filed, a bill paid late, a group joined…) and brings the rule
 * tags of every household they name up to date once. Called by outbox effects (fees, repairs, groups),
 * which run again until they succeed, so:
 * - each fact is idempotent per (kind, sourceId, household): a replayed event records nothing twice;
 * - the tags are recomputed for every named household, new fact or not, because a replay may follow a
 *   crash between the fact's write and its recompute (a recompute converges: it rewrites only what differs);
 * - any failure, of a write or of the recompute, is thrown, and the outbox retries the effect after its
 *   back-off (no dirty mark is needed for the timer: the event is the retry).
 * Returns how many facts were new.
 */
export async function reportHouseholdFacts(platform: Platform, facts: readonly HouseholdFact[]): Promise<number> {
  const named = new Map<string, string>()
  let created = 0
  for (const f of facts) {
    // Ids and times come from the reporting area's own documents, not from a caller: a bad one is a bug.
    if (!f.householdId || !f.communityId || !f.sourceId || Number.isNaN(new Date(f.at).getTime())) throw new Error(`profiles: malformed household fact ${f.kind}`)
    const doc = {
      _id: interactionId(f.kind, f.sourceId, f.householdId),
      householdId: f.householdId,
      communityId: f.communityId,
      kind: f.kind,
      category: FAMILY_OF[f.kind],
      itemId: null,
      weight: DEFAULT_INTERACTION_WEIGHT[f.kind],
      sourceId: f.sourceId,
      at: new Date(f.at),
      recordedAt: platform.clock.now(),
    }
    if (await storeInteraction(platform, doc)) created++
    named.set(f.householdId, f.communityId)
  }
  for (const [householdId, communityId] of named) await recomputeHouseholds(platform, communityId, [householdId])
  return created
}
