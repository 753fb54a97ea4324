import { defineArea } from '../kernel/area'
import { PROFILE_ERROR_MESSAGES } from '../../contracts/errors/profiles'
import { INTERACTION_COLLECTION, INTERACTION_INDEXES } from './interaction.model'
import { HOUSEHOLD_ITEMS_COLLECTION, HOUSEHOLD_ITEMS_INDEXES } from './household-items'
import { INTEREST_COLLECTIONS, INTEREST_INDEXES } from './interest.model'
import { ITEM_COLLECTION, ITEM_INDEXES } from './item-catalog'
import { SEGMENT_COLLECTIONS, SEGMENT_INDEXES } from './segment.model'
import { TAG_COLLECTIONS, TAG_INDEXES } from './tag.model'
import { profilesPaidEffect } from './profiles-paid.effect'

/**
 * 住户画像: what households do (interactions), and from it scenario tags, interest scores, segments,
 * targeted pushes with opt-out and conversion, and slow movers. Other areas feed it only through
 * recordInteraction (and the order.paid effect below); it reads theirs only through their index exports.
 */
export const profilesArea = defineArea({
  name: 'profiles',
  collections: [
    INTERACTION_COLLECTION,
    HOUSEHOLD_ITEMS_COLLECTION,
    ITEM_COLLECTION,
    ...Object.values(INTEREST_COLLECTIONS),
    ...Object.values(TAG_COLLECTIONS),
    ...Object.values(SEGMENT_COLLECTIONS),
  ],
  indexes: [...INTERACTION_INDEXES, ...HOUSEHOLD_ITEMS_INDEXES, ...ITEM_INDEXES, ...INTEREST_INDEXES, ...TAG_INDEXES, ...SEGMENT_INDEXES],
  errors: PROFILE_ERROR_MESSAGES,
  effects: { 'profiles.paid-interest': profilesPaidEffect },
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { recordInteraction } from './record-interaction.service'
export type { InteractionInput, RecordInteractionResult } from './record-interaction.service'
export { reportHouseholdFacts } from './household-facts.service'
export type { HouseholdFact, HouseholdFactKind } from './household-facts.service'
export { DEFAULT_INTERACTION_WEIGHT, INTERACTION_KINDS } from './interaction.model'
export type { InteractionKind } from './interaction.model'

/* Use cases, for the profiles function (cloudfunctions/profiles). */
export { builderCatalog, defineTag, tagHousehold } from './tags.service'
export { listSegments, previewSegment, saveSegment } from './segment.service'
export { pushToSegment } from './push.service'
export { pushPreference, setPushOptOut } from './push-optout.service'
export { recordConsent } from './push-consent.service'
export { conversionReport, openPush } from './conversion.service'
export { markSlowMover, slowMoverReport } from './slow-movers.service'
export { runInterestTimer } from './interest.timer'
export { recomputeHousehold, recomputeHouseholds } from './interest.service'
export { rebuildSimilarity } from './similarity.service'
