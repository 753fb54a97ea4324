
/**
 * A 严选/预售 demand poll: ops or a steward propose a product at a target price; households register intent
 * (no money moves). Reaching `targetHouseholds` sources a pre-sale campaign and tells every registered
 * household to pay within the window; the deadline passing first closes the poll with nobody charged.
 * open → sourcing (campaign being written, resumable) → sourced; open → failed.
 */
export interface PollDoc {
  _id: string
  communityId: string
  title: string
  description: string
  spec: string
  image: string | null
  targetPriceFen: number
  originalPriceFen: number | null
  targetHouseholds: number
  limitPerHousehold: number
  deadline: Date
  payWindowHours: number
  pickup: { point: string; startsAt: Date; endsAt: Date }
  status: 'open' | 'sourcing' | 'sourced' | 'failed'
  campaignId: string | null
  payBy: Date | null
  decidedAt: Date | null
  createdBy: string
  createdAt: Date
}

/** `_id` = `<pollId>_<householdId>`: one intent per household, re-registering updates the quantity. */
export interface IntentDoc {
  _id: string
  pollId: string
  communityId: string
  householdId: string
  openid: string
  quantity: number
  status: 'active' | 'withdrawn'
  at: Date
}

export const intentId = (pollId: string, householdId: string) => `${pollId}_${householdId}`
/** The campaign a poll sources has an id derived from the poll, so a resumed sourcing writes the same one. */
export const campaignIdOfPoll = (pollId: string) => `gbp_${pollId}`

