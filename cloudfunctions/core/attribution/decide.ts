import type { OrderType } from '../orders'
import type { AttributionRule, DecidingTouch, TouchDoc } from './attribution.model'
import type { CampaignRule, CommunityRules } from './settings'

const DAY_MS = 86_400_000

export interface DecisionInput {
  payerOpenid: string
  orderType: OrderType
  paidAt: Date
  rules: CommunityRules
  campaign: CampaignRule | null
  /** The payer's touches in the order's community (any order; filtered here). */
  touches: TouchDoc[]
  /** Active stewards of the order's community among the people involved: openid → staff id. */
  activeStewards: Map<string, string>
  /** The household's grid steward (active or not: checked against activeStewards). */
  homeStewardOpenid: string | null
}

export interface Decision {
  rule: AttributionRule
  stewardOpenid: string | null
  stewardId: string | null
  touch: DecidingTouch | null
  windowDays: number
  rateBp: number
}

/**
 * Who is credited with a paid order, as a pure function of what was read (so every rule is tested on
 * plain data). Order of precedence:
 * 1. the payer is an active steward of the community → the community's self-purchase policy;
 * 2. the latest touch within the window (campaign override, else the community's), by an active steward;
 * 3. the household's home steward;
 * 4. nobody.
 */
export function decideAttribution(input: DecisionInput): Decision {
  const windowDays = input.campaign?.windowDays ?? input.rules.windowDays
  const rate = input.campaign?.rateBp ?? input.rules.rates[input.orderType] ?? 0
  const stewardIdOf = (openid: string) => input.activeStewards.get(openid) ?? null

  if (input.activeStewards.has(input.payerOpenid)) {
    const policy = input.rules.selfPurchase
    if (policy === 'exclude') return { rule: 'self_purchase', stewardOpenid: null, stewardId: null, touch: null, windowDays, rateBp: 0 }
    return {
      rule: 'self_purchase',
      stewardOpenid: input.payerOpenid,
      stewardId: stewardIdOf(input.payerOpenid),
      touch: null,
      windowDays,
      rateBp: policy === 'credit' ? rate : 0,
    }
  }

  const paid = input.paidAt.getTime()
  const from = paid - windowDays * DAY_MS
  const candidates = input.touches
    .filter((t) => {
      const at = new Date(t.at).getTime()
      return at >= from && at <= paid && t.stewardOpenid !== input.payerOpenid && input.activeStewards.has(t.stewardOpenid)
    })
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime() || (a._id < b._id ? 1 : -1))
  const last = candidates[0]
  if (last) {
    return {
      rule: 'last_touch',
      stewardOpenid: last.stewardOpenid,
      stewardId: stewardIdOf(last.stewardOpenid),
      touch: { touchId: last._id, stewardOpenid: last.stewardOpenid, campaignId: last.campaignId ?? null, groupId: last.groupId ?? null, source: last.source, at: new Date(last.at) },
      windowDays,
      rateBp: rate,
    }
  }

  const home = input.homeStewardOpenid
  if (home && input.activeStewards.has(home)) {
    return { rule: 'home_steward', stewardOpenid: home, stewardId: stewardIdOf(home), touch: null, windowDays, rateBp: rate }
  }
  return { rule: 'unattributed', stewardOpenid: null, stewardId: null, touch: null, windowDays, rateBp: 0 }
}
