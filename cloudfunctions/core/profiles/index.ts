import { defineArea } from '../kernel/area'
import { PROFILE_ERROR_MESSAGES } from '../../contracts/errors/profiles'
import { INTERACTION_COLLECTION, INTERACTION_INDEXES } from './interaction.model'

/** 住户画像: what households do (interactions), and from it scenario tags, interest scores and segments. */
export const profilesArea = defineArea({
  name: 'profiles',
  collections: [INTERACTION_COLLECTION],
  indexes: [...INTERACTION_INDEXES],
  errors: PROFILE_ERROR_MESSAGES,
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { recordInteraction } from './record-interaction.service'
export type { InteractionInput, RecordInteractionResult } from './record-interaction.service'
export { DEFAULT_INTERACTION_WEIGHT, INTERACTION_KINDS } from './interaction.model'
export type { InteractionKind } from './interaction.model'
