import { defineContract, query } from './envelope'
import { eventListInput, eventListOutput } from './events-card.schemas'

/**
 * The one events action the resident home calls (社区活动 section), as its own small contract over the same
 * `events` function: the home lives in the main package, which must not carry the whole events contract
 * (the 600 KB goal). Same name and the very same input and output schemas as `eventsContract.list` (events-card.schemas.ts).
 */
export const eventsHomeContract = defineContract(
  'events',
  { list: query(eventListInput, eventListOutput) },
  { audience: { list: ['member'] }, errors: { list: [] } },
)
